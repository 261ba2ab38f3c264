package dev.spoor.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.agent.InProcessJaegerAgent;
import dev.spoor.examples.agent.ReceivedSpan;
import dev.spoor.examples.testing.JaegerJsonShape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a newcomer runs it: the four services over HTTP on 127.0.0.1, traced through the
 * propagation-http wrappers, their spans sent by Spoor's {@code RemoteReporter} over UDP and
 * decoded with libthrift and jaeger-thrift by an {@link InProcessJaegerAgent}: the demo's own, or
 * one standing in for Jaeger behind {@code JAEGER_AGENT_HOST}.
 */
class ShopDemoWithServicesTest {
  private static final int REQUESTS = 5;
  private static final List<String> CUSTOMERS = List.of("Ada", "Grace", "Edsger", "Barbara", "Alan");
  private static final Pattern TRACE_HEADER = Pattern.compile(
      "Trace ([0-9a-f]{32})\\nTrace Start \\S+ \\S+ UTC   Duration \\d+\\.\\d\\d ms   Services 4"
          + "   Depth 5   Total Spans 7\\n");
  private static final Pattern TRACE_LINK =
      Pattern.compile("trace ([0-9a-f]{32}): http://127\\.0\\.0\\.1:16686/trace/\\1\\n");
  private static final Pattern LOG_TRACE_ID = Pattern.compile("traceID=(\\w+)");

  @TempDir
  Path output;

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  private String runDemo(UnaryOperator<String> settings) {
    int status;
    try (PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
      status = ShopDemo.run(new String[] {"--requests", Integer.toString(REQUESTS),
          "--html", output.resolve("traces.html").toString(),
          "--json", output.resolve("jaeger-json").toString()}, settings,
          IceCreamShop.factory(RemoteSpanReporting::new), out, err);
    }
    String out = stdout.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, out + stderr);
    return out;
  }

  @Test
  void drawsOneTreePerRequestWithTheSlowAndFailingPathsAndMatchingLogLines() {
    String out = runDemo(name -> null);

    List<String> traceIds = matches(TRACE_HEADER, out);
    assertEquals(REQUESTS, traceIds.size(), out);
    assertEquals(REQUESTS, new HashSet<>(traceIds).size(), out);
    assertTrue(out.contains("Request 5/5: HTTP 502, checkout failed: payment failed\n"), out);
    assertEquals(REQUESTS, count(out, "\n        payment POST /charge    |"), out);
    String lastTrace = out.substring(out.lastIndexOf("Request 5/5"));
    assertEquals(5, count(lastTrace, "  ERROR\n"), lastTrace);
    String slowTrace = out.substring(out.indexOf("Request 4/5"), out.indexOf("Request 5/5"));
    Matcher inventory = Pattern.compile("inventory GET /stock +\\|[ #]+\\| +(\\d+)\\.\\d\\d ms")
        .matcher(slowTrace);
    assertTrue(inventory.find(), slowTrace);
    assertTrue(Integer.parseInt(inventory.group(1)) >= IceCreamShop.SLOW_MILLIS, slowTrace);
    assertTrue(allLogLinesBelongTo(traceIds, out) >= REQUESTS * 4, out);
    // The customer's name reached payment as baggage, three hops from the edge.
    assertTrue(out.contains(" level=ERROR service=payment traceID=" + traceIds.get(4)), out);
    assertTrue(out.contains(" msg=\"card of Alan declined\"\n"), out);
    Matcher done = Pattern.compile("Done: 5 requests, 1 answered with a 5xx; the in-process agent"
        + " decoded (\\d+) datagrams into 5 traces\\.\\nTrace page \\(5 traces, ").matcher(out);
    assertTrue(done.find(), out);
    // Each service sends at least one datagram per request, since the demo flushes between them.
    assertTrue(Long.parseLong(done.group(1)) >= REQUESTS * 4L, out);
  }

  @Test
  void exportsEveryTraceAsTheJsonOfJaegersQueryApi() throws Exception {
    String out = runDemo(name -> null);

    List<String> traceIds = matches(TRACE_HEADER, out);
    Path json = output.resolve("jaeger-json");
    List<String> files;
    try (Stream<Path> listed = Files.list(json)) {
      files = listed.map(f -> f.getFileName().toString()).sorted().toList();
    }
    List<String> expectedFiles = new ArrayList<>();
    traceIds.forEach(id -> expectedFiles.add(id + ".json"));
    expectedFiles.sort(null);
    assertEquals(expectedFiles, files);
    for (String traceId : traceIds) {
      String text = Files.readString(json.resolve(traceId + ".json"), StandardCharsets.UTF_8);
      List<JsonObject> traces = JaegerJsonShape.assertQueryResponse(text, true);
      assertEquals(1, traces.size(), text);
      JsonObject trace = traces.get(0);
      assertEquals(traceId, trace.get("traceID").getAsString());
      assertEquals(7, trace.getAsJsonArray("spans").size(), text);
      Set<String> services = new HashSet<>();
      for (String process : trace.getAsJsonObject("processes").keySet()) {
        JsonObject each = trace.getAsJsonObject("processes").getAsJsonObject(process);
        services.add(each.get("serviceName").getAsString());
        List<String> tagKeys = new ArrayList<>();
        each.getAsJsonArray("tags").forEach(t -> tagKeys.add(t.getAsJsonObject().get("key")
            .getAsString()));
        assertTrue(tagKeys.containsAll(List.of("datacenter", "env")), tagKeys::toString);
      }
      assertEquals(Set.of("shop-gateway", "cart-manager", "inventory", "payment"), services);
      // One root, the gateway's server span; every other span refers to its parent.
      int roots = 0;
      for (var span : trace.getAsJsonArray("spans")) {
        if (span.getAsJsonObject().getAsJsonArray("references").isEmpty()) {
          roots++;
          assertEquals("GET /checkout", span.getAsJsonObject().get("operationName").getAsString());
        }
      }
      assertEquals(1, roots, text);
    }
  }

  @Test
  void sendsEveryTraceToTheAgentNamedByJaegerAgentHost() throws Exception {
    try (InProcessJaegerAgent jaeger = InProcessJaegerAgent.start()) {
      String out = runDemo(Map.of("JAEGER_AGENT_HOST", "127.0.0.1",
          "JAEGER_AGENT_PORT", Integer.toString(jaeger.port()))::get);

      assertTrue(out.contains("JAEGER_AGENT_HOST is set: the tracers send their spans to the"
          + " Jaeger agent at 127.0.0.1:" + jaeger.port() + "."), out);
      assertFalse(out.contains("Trace Start"), out);
      List<String> traceIds = matches(TRACE_LINK, out);
      assertEquals(REQUESTS, traceIds.size(), out);
      Matcher done = Pattern.compile("Done: 5 requests, 1 answered with a 5xx; the tracers sent"
          + " (\\d+) datagrams to 127\\.0\\.0\\.1:" + jaeger.port() + "\\.\\n$").matcher(out);
      assertTrue(done.find(), out);
      jaeger.awaitDatagrams(Long.parseLong(done.group(1)), Duration.ofSeconds(10));
      assertEquals(0, jaeger.datagramsRejected());
      assertEquals(REQUESTS * 7, jaeger.spans().size());
      List<String> decoded = new ArrayList<>();
      for (AssembledTrace trace : jaeger.traces()) {
        decoded.add(trace.traceIdHex());
      }
      assertEquals(traceIds, decoded);
      for (int n = 1; n <= REQUESTS; n++) {
        AssembledTrace trace = jaeger.trace(traceIds.get(n - 1));
        assertOneTreeAcrossTheFourServices(trace);
        ReceivedSpan payment = server(trace, "payment", "POST /charge");
        assertEquals(CUSTOMERS.get(n - 1), payment.tag("payment.customer"), trace.toString());
        assertEquals(n == IceCreamShop.FAIL_EVERY, trace.hasError(), trace.toString());
      }
      assertAll(jaeger.traces(), 7);
      AssembledTrace failed = jaeger.trace(traceIds.get(IceCreamShop.FAIL_EVERY - 1));
      assertTrue(server(failed, "payment", "POST /charge").isError(), failed.toString());
      assertEquals("503", server(failed, "payment", "POST /charge").tag("http.status_code"));
      assertTrue(server(failed, "shop-gateway", "GET /checkout").isError(), failed.toString());
      assertFalse(server(failed, "inventory", "GET /stock").isError(), failed.toString());
      AssembledTrace slow = jaeger.trace(traceIds.get(IceCreamShop.SLOW_EVERY - 1));
      ReceivedSpan stock = server(slow, "inventory", "GET /stock");
      assertEquals("miss", stock.tag("inventory.cache"));
      assertTrue(stock.durationMicros() >= IceCreamShop.SLOW_MILLIS * 1000, stock.toString());
      assertTrue(allLogLinesBelongTo(decoded, out) >= REQUESTS * 4, out);
    }
  }

  /** One root, the gateway's; every other span's parent is in the trace; four services' tags. */
  private static void assertOneTreeAcrossTheFourServices(AssembledTrace trace) {
    Set<Long> ids = new HashSet<>();
    for (ReceivedSpan span : trace.spans()) {
      ids.add(span.spanId());
    }
    int roots = 0;
    for (ReceivedSpan span : trace.spans()) {
      if (span.parentSpanId() == 0L) {
        roots++;
        assertEquals("shop-gateway GET /checkout",
            span.serviceName() + " " + span.operationName());
      } else {
        assertTrue(ids.contains(span.parentSpanId()), "parent of " + span + " in " + trace);
      }
      assertEquals("demo", span.processTag("env"), span.toString());
      assertNotNull(span.processTag("datacenter"), span.toString());
    }
    assertEquals(1, roots, trace.toString());
    assertEquals(Set.of("shop-gateway", "cart-manager", "inventory", "payment"),
        trace.serviceNames());
  }

  private static void assertAll(List<AssembledTrace> traces, int spansEach) {
    for (AssembledTrace trace : traces) {
      assertEquals(spansEach, trace.spans().size(), trace.toString());
    }
  }

  private static ReceivedSpan server(AssembledTrace trace, String service, String operation) {
    ReceivedSpan found = null;
    for (ReceivedSpan span : trace.spansOf(service)) {
      if (span.operationName().equals(operation) && "server".equals(span.tag("span.kind"))) {
        assertEquals(null, found, "one " + operation + " server span in " + service);
        found = span;
      }
    }
    assertNotNull(found, service + " " + operation + " in " + trace);
    return found;
  }

  /** Checks that every log line printed names one of {@code traceIds}; returns how many there are. */
  private static int allLogLinesBelongTo(List<String> traceIds, String out) {
    Matcher logged = LOG_TRACE_ID.matcher(out);
    int lines = 0;
    while (logged.find()) {
      assertTrue(traceIds.contains(logged.group(1)), "log line of an unknown trace: "
          + logged.group(1) + "\n" + out);
      lines++;
    }
    return lines;
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
