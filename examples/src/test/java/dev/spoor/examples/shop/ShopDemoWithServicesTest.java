package dev.spoor.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo as a newcomer runs it, with the four real services over HTTP and the in-process agent:
 * only the UDP reporting is a test stand-in ({@link ThriftTestReporting}) until tracer-core's
 * UDP reporter is wired in.
 */
class ShopDemoWithServicesTest {
  private static final Pattern TRACE_HEADER = Pattern.compile(
      "Trace ([0-9a-f]{32})\\nTrace Start \\S+ \\S+ UTC   Duration \\d+\\.\\d\\d ms   Services 4"
          + "   Depth 5   Total Spans 7\\n");
  private static final Pattern LOG_TRACE_ID = Pattern.compile("traceID=(\\w+)");

  @Test
  void drawsOneTreePerRequestWithTheSlowAndFailingPathsAndMatchingLogLines() {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int status;
    try (PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
      status = ShopDemo.run(new String[] {"--requests", "5"}, name -> null,
          IceCreamShop.factory(ThriftTestReporting::new), out, err);
    }
    String out = stdout.toString(StandardCharsets.UTF_8);

    assertEquals(0, status, out + stderr);
    List<String> traceIds = new ArrayList<>();
    Matcher header = TRACE_HEADER.matcher(out);
    while (header.find()) {
      traceIds.add(header.group(1));
    }
    assertEquals(5, traceIds.size(), out);
    assertTrue(out.contains("Request 5/5: HTTP 502, checkout failed: payment failed\n"), out);
    assertTrue(out.contains("        payment POST /charge"), out);
    String lastTrace = out.substring(out.lastIndexOf("Request 5/5"));
    assertEquals(5, count(lastTrace, "  ERROR\n"), lastTrace);
    String slowTrace = out.substring(out.indexOf("Request 4/5"), out.indexOf("Request 5/5"));
    Matcher inventory = Pattern.compile("inventory GET /stock +\\|[ #]+\\| +(\\d+)\\.\\d\\d ms")
        .matcher(slowTrace);
    assertTrue(inventory.find(), slowTrace);
    assertTrue(Integer.parseInt(inventory.group(1)) >= IceCreamShop.SLOW_MILLIS, slowTrace);
    Matcher logged = LOG_TRACE_ID.matcher(out);
    int logLines = 0;
    while (logged.find()) {
      assertTrue(traceIds.contains(logged.group(1)), "log line of an unknown trace: "
          + logged.group(1));
      logLines++;
    }
    assertTrue(logLines >= 5 * 4, out);
    assertTrue(out.contains("service=payment"), out);
    assertTrue(out.endsWith("Done: 5 requests, 1 answered with a 5xx; the in-process agent"
        + " decoded 20 datagrams into 5 traces.\n"), out);
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
