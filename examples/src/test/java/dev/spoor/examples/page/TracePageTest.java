package dev.spoor.examples.page;

import static dev.spoor.examples.testing.JaegerDatagrams.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.agent.ReceivedSpan;
import dev.spoor.examples.logging.LogLine;
import io.jaegertracing.thriftjava.Process;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracePageTest {
  private static final long T0 = 1_796_000_000_000_000L;
  private static final String HOSTILE = "</script><script>alert(1)</script> /*@SCRIPT@*/ @DATA@";

  @Test
  void embedsTheDataSoThatNoTextInItCanEndItsScriptElement() {
    AssembledTrace trace = new AssembledTrace(0L, 7L, List.of(new ReceivedSpan(
        span(7L, 1, 0, HOSTILE, T0, 1_000), new Process("gateway"))));
    RecordedTrace recorded = new RecordedTrace(trace, List.of(new LogLine(T0, "WARN", "gateway",
        trace.traceIdHex(), "0000000000000001", "msg=\"" + HOSTILE + "\"")));

    String page = TracePage.render("Shop <&> \"demo\"", List.of(recorded),
        Instant.ofEpochMilli(1_796_000_000_000L), "json");

    // Only the page's own two script elements (the data and the code) open and close.
    assertEquals(2, count(page, "<script"), page);
    assertEquals(2, count(page, "</script>"), page);
    assertTrue(page.contains("<title>Shop &lt;&amp;&gt; &quot;demo&quot; · traces</title>"));
    String data = page.substring(page.indexOf("id=\"trace-data\">") + 16,
        page.indexOf("</script>"));
    JsonObject parsed = JsonParser.parseString(data).getAsJsonObject();
    assertEquals(HOSTILE, parsed.getAsJsonArray("traces").get(0).getAsJsonObject()
        .getAsJsonArray("spans").get(0).getAsJsonObject().get("operationName").getAsString());
    JsonObject line = parsed.getAsJsonObject("logs").getAsJsonArray(trace.traceIdHex()).get(0)
        .getAsJsonObject();
    assertEquals("msg=\"" + HOSTILE + "\"", line.get("line").getAsString());
    assertEquals("0000000000000001", line.get("spanID").getAsString());
    assertEquals(T0, line.get("ts").getAsLong());
    assertEquals(1, parsed.getAsJsonArray("operations").size());
    assertEquals("json", parsed.get("jsonHref").getAsString());
  }

  @Test
  void fillsEachSlotOnceFromTheTemplateOnly() {
    assertEquals("<a>x /*B*/</a><b>y</b>", TracePage.fill("<a>/*A*/</a><b>/*B*/</b>",
        new String[] {"/*A*/", "/*B*/"}, new String[] {"x /*B*/", "y"}));
    assertThrows(IllegalStateException.class, () -> TracePage.fill("/*B*/ /*A*/",
        new String[] {"/*A*/", "/*B*/"}, new String[] {"x", "y"}));
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
