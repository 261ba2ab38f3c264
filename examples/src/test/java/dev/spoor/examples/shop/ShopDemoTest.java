package dev.spoor.examples.shop;

import static dev.spoor.examples.shop.DatagramShop.traceIdOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.agent.InProcessJaegerAgent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the demo's main path against a shop that sends real datagrams, and reads its output. */
class ShopDemoTest {
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  @TempDir
  Path output;

  /** Runs the demo with its page and JSON going to the test's own directory. */
  private int run(UnaryOperator<String> settings, DemoShop.Factory shops, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--html", html().toString(), "--json", json().toString()));
    try (PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
      return ShopDemo.run(all.toArray(new String[0]), settings, shops, out, err);
    }
  }

  private Path html() {
    return output.resolve("page").resolve("traces.html");
  }

  private Path json() {
    return output.resolve("jaeger");
  }

  private String out() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  @Test
  void drawsEachTraceFromTheInProcessAgentWithItsLogLines() {
    int status = run(name -> null, DatagramShop::new, "--requests", "2");

    String out = out();
    assertEquals(0, status, out + stderr);
    assertTrue(out.contains("JAEGER_AGENT_HOST is not set: the tracers send Jaeger Thrift UDP"
        + " datagrams to an in-process agent on 127.0.0.1:"), out);
    assertTrue(out.contains("Request 1/2: HTTP 200, 2 scoops for Ada\nTrace " + traceIdOf(1)
        + "\n"), out);
    assertTrue(out.contains("Request 2/2: HTTP 503, payment failed\nTrace " + traceIdOf(2)
        + "\n"), out);
    assertEquals(2, count(out, "Duration 10.00 ms   Services 4   Depth 5   Total Spans 7\n"), out);
    assertTrue(out.contains("\nshop-gateway GET /checkout      |" + "#".repeat(40)
        + "| 10.00 ms\n"), out);
    assertEquals(2, count(out, "\n        payment POST /charge    |"), out);
    assertEquals(1, count(out, "|  3.00 ms  ERROR\n"), out);
    assertTrue(out.contains("Log lines with traceID=" + traceIdOf(2) + " (2 of 2):\n"), out);
    assertTrue(out.contains(" level=INFO service=payment traceID=" + traceIdOf(2)
        + " spanID=0000000000000007 logger=DatagramShop msg=\"card declined\"\n"), out);
    assertTrue(out.endsWith("Done: 2 requests, 1 answered with a 5xx; the in-process agent"
        + " decoded 8 datagrams into 2 traces.\n"
        + "Trace page (2 traces, their log lines, RED per operation): "
        + html().toAbsolutePath().toUri() + "\n"
        + "Jaeger JSON, one file per trace (Jaeger UI: Search page, JSON File or Upload tab): "
        + json().toAbsolutePath() + "\n"), out);
  }

  @Test
  void writesOnePageAndOneJaegerJsonFilePerTrace() throws Exception {
    int status = run(name -> null, DatagramShop::new, "--requests", "2");

    assertEquals(0, status, out() + stderr);
    String page = Files.readString(html(), StandardCharsets.UTF_8);
    assertTrue(page.startsWith("<!DOCTYPE html>"), page);
    assertTrue(page.contains("\"traceID\":\"" + traceIdOf(1) + "\""), page);
    assertTrue(page.contains("\"traceID\":\"" + traceIdOf(2) + "\""), page);
    // Self-contained: no stylesheet, script, image or font is loaded from anywhere, and its
    // content security policy forbids any (the Chromium test checks that nothing is requested).
    for (String loads : List.of("<link", " src=", "<img", "@import", "url(", "fetch(",
        "XMLHttpRequest")) {
      assertFalse(page.contains(loads), loads);
    }
    assertTrue(page.contains("content=\"default-src 'none';"), page);
    try (Stream<Path> files = Files.list(json())) {
      assertEquals(List.of(traceIdOf(1) + ".json", traceIdOf(2) + ".json"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
    String first = Files.readString(json().resolve(traceIdOf(1) + ".json"));
    assertTrue(first.startsWith("{\n  \"data\": [\n    {\n      \"traceID\": \""
        + traceIdOf(1) + "\",\n"), first);
  }

  @Test
  void sendsToTheAgentNamedByJaegerAgentHostAndSaysSo() throws Exception {
    try (InProcessJaegerAgent jaeger = InProcessJaegerAgent.start()) {
      UnaryOperator<String> settings = Map.of("JAEGER_AGENT_HOST", "127.0.0.1",
          "JAEGER_AGENT_PORT", Integer.toString(jaeger.port()))::get;

      int status = run(settings, DatagramShop::new, "--requests=2");

      String out = out();
      assertEquals(0, status, out + stderr);
      assertTrue(out.contains("JAEGER_AGENT_HOST is set: the tracers send their spans to the"
          + " Jaeger agent at 127.0.0.1:" + jaeger.port() + "."), out);
      assertTrue(out.contains("trace " + traceIdOf(1) + ": http://127.0.0.1:16686/trace/"
          + traceIdOf(1) + "\n"), out);
      assertFalse(out.contains("Trace Start"), out);
      assertTrue(out.endsWith("Done: 2 requests, 1 answered with a 5xx; the tracers sent 8 datagrams"
          + " to 127.0.0.1:" + jaeger.port() + ".\n"), out);
      // The page is drawn from the in-process agent only; none is written for another agent.
      assertFalse(Files.exists(html()));
      jaeger.awaitSpans(2 * DatagramShop.SPANS_PER_REQUEST, Duration.ofSeconds(10));
      List<AssembledTrace> traces = jaeger.traces();
      assertEquals(List.of(traceIdOf(1), traceIdOf(2)),
          traces.stream().map(AssembledTrace::traceIdHex).toList());
      assertEquals(4, traces.get(0).serviceNames().size());
    }
  }

  @Test
  void appendsTheLogLinesToTheRequestedFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shop-demo.log");

    int status = run(name -> null, DatagramShop::new, "--requests", "1", "--log-file",
        file.toString());

    assertEquals(0, status, out() + stderr);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(2, lines.size(), lines::toString);
    assertTrue(lines.get(0).contains(" traceID=" + traceIdOf(1) + " "), lines.get(0));
  }

  @Test
  void failsWithAClearMessageWhenThePageCannotBeWritten() throws Exception {
    Path notADirectory = Files.writeString(output.resolve("a-file"), "");
    int status;
    try (PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
      status = ShopDemo.run(new String[] {"--requests", "1", "--html",
          notADirectory.resolve("traces.html").toString(), "--json",
          json().toString()}, name -> null, DatagramShop::new, out, err);
    }

    assertEquals(1, status, out());
    assertTrue(out().contains("Done: 1 request, 0 answered with a 5xx;"), out());
    assertTrue(stderr.toString(StandardCharsets.UTF_8).startsWith("Could not write the trace page "
        + notADirectory.resolve("traces.html").toAbsolutePath() + ": "), stderr.toString());
    assertFalse(out().contains("Trace page ("), out());
  }

  @Test
  void printsTheUsageForHelpWithoutStartingTheShop() {
    AtomicInteger started = new AtomicInteger();

    int status = run(name -> null, agent -> {
      started.incrementAndGet();
      return new DatagramShop(agent);
    }, "--help");

    assertEquals(0, status);
    assertEquals(DemoOptions.usage(), out());
    assertEquals(0, started.get());
  }

  @Test
  void rejectsABadCommandLineWithStatusTwo() {
    int status = run(name -> null, DatagramShop::new, "--requests", "none");

    assertEquals(2, status);
    String err = stderr.toString(StandardCharsets.UTF_8);
    assertTrue(err.startsWith("--requests needs a whole number, got 'none'\nUsage: "), err);
    assertEquals("", out());
  }

  @Test
  void rejectsABadAgentPortWithStatusTwo() {
    int status = run(Map.of("JAEGER_AGENT_HOST", "localhost", "JAEGER_AGENT_PORT", "x")::get,
        DatagramShop::new);

    assertEquals(2, status);
    assertTrue(stderr.toString(StandardCharsets.UTF_8)
        .startsWith("JAEGER_AGENT_PORT is not a number: x\n"));
  }

  @Test
  void reportsAShopThatCannotStart() {
    int status = run(name -> null, agent -> {
      throw new java.net.BindException("port taken");
    }, "--requests", "1");

    assertEquals(1, status);
    assertTrue(stderr.toString(StandardCharsets.UTF_8)
        .contains("the demo stopped: java.net.BindException: port taken"));
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
