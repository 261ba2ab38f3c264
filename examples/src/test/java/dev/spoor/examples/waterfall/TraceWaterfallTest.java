package dev.spoor.examples.waterfall;

import static dev.spoor.examples.testing.JaegerDatagrams.boolTag;
import static dev.spoor.examples.testing.JaegerDatagrams.span;
import static dev.spoor.examples.testing.JaegerDatagrams.stringTag;
import static dev.spoor.examples.testing.JaegerDatagrams.withTags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.agent.ReceivedSpan;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceWaterfallTest {
  /** 2023-11-14 22:13:20 UTC in microseconds. */
  private static final long T0 = 1_700_000_000_000_000L;
  private static final long TRACE = 0xabcdL;

  private final List<ReceivedSpan> spans = new ArrayList<>();

  private void add(String service, Span span) {
    spans.add(new ReceivedSpan(span, new Process(service)));
  }

  private AssembledTrace trace() {
    return new AssembledTrace(0L, TRACE, spans);
  }

  private static String bar(int from, int length, char fill) {
    return " ".repeat(from) + String.valueOf(fill).repeat(length) + " ".repeat(40 - from - length);
  }

  @Test
  void drawsTheShopTreeWithHeaderIndentationBarsErrorsAndOrphans() {
    // Added out of order on purpose: rows follow the tree, not the arrival order.
    add("payment", withTags(span(TRACE, 5, 3, "POST /charge", T0 + 3_500, 0),
        boolTag("error", true)));
    add("inventory", span(TRACE, 9, 77, "late", T0 + 9_000, 1_000));
    add("cart-manager", span(TRACE, 3, 2, "POST /cart", T0 + 1_000, 8_000));
    add("inventory", span(TRACE, 4, 3, "GET /stock", T0 + 1_250, 2_000));
    add("shop-gateway", withTags(span(TRACE, 2, 1, "POST /cart", T0 + 500, 9_000),
        stringTag("span.kind", "client")));
    add("shop-gateway", span(TRACE, 1, 0, "GET /checkout", T0, 10_000));

    String[] lines = new TraceWaterfall().render(trace()).split("\n", -1);

    // One column is 10 ms / 40 = 0.25 ms; bars start at floor(start) and end at ceil(end).
    List<String> expected = List.of(
        "Trace 000000000000abcd",
        "Trace Start 2023-11-14 22:13:20.000 UTC   Duration 10.00 ms   Services 4   Depth 4"
            + "   Total Spans 6",
        "Service & Operation         |0 ms" + " ".repeat(28) + "10.00 ms|",
        "shop-gateway GET /checkout  |" + bar(0, 40, '#') + "| 10.00 ms",
        "  shop-gateway POST /cart   |" + bar(2, 36, '=') + "|  9.00 ms",
        "    cart-manager POST /cart |" + bar(4, 32, '#') + "|  8.00 ms",
        "      inventory GET /stock  |" + bar(5, 8, '#') + "|  2.00 ms",
        "      payment POST /charge  |" + bar(14, 1, '#') + "|  0.00 ms  ERROR",
        "inventory late              |" + bar(36, 4, '#') + "|  1.00 ms"
            + "  (parent 000000000000004d not received)",
        "");
    assertEquals(expected, List.of(lines));
  }

  /** Renders the trace on a 10-column axis and checks that each fragment is in the output. */
  private void assertNarrowWaterfallContains(String... fragments) {
    String out = new TraceWaterfall(10).render(trace());
    for (String fragment : fragments) {
      assertTrue(out.contains(fragment), () -> "missing [" + fragment + "] in\n" + out);
    }
  }

  @Test
  void drawsAllZeroDurationSpansAsOneColumnAtTheStart() {
    add("a", span(TRACE, 1, 0, "root", T0, 0));
    add("a", span(TRACE, 2, 1, "child", T0, 0));

    assertNarrowWaterfallContains("Duration 0.00 ms",
        "\na root              |#         | 0.00 ms\n",
        "\n  a child           |#         | 0.00 ms\n");
  }

  @Test
  void keepsAChildThatStartsBeforeItsParentInsideTheAxis() {
    // The child's host clock runs 2 ms behind: it appears to start before its parent.
    add("a", span(TRACE, 1, 0, "root", T0 + 2_000, 8_000));
    add("b", span(TRACE, 2, 1, "skewed", T0, 1_000));

    assertNarrowWaterfallContains("Depth 2",
        "\na root              |  ########| 8.00 ms\n",
        "\n  b skewed          |#         | 1.00 ms\n");
  }

  @Test
  void showsSpansOnAParentCycleInsteadOfDroppingThem() {
    add("a", span(TRACE, 1, 2, "one", T0, 10));
    add("a", span(TRACE, 2, 1, "two", T0 + 5, 5));

    assertNarrowWaterfallContains("Total Spans 2",
        "\na one               |##########| 0.01 ms  (parent 0000000000000002 is on a cycle)\n",
        "\n  a two             |     #####| 0.01 ms\n");
  }

  @Test
  void leavesTheAxisLabelsOutWhenTheyDoNotFit() {
    add("a", span(TRACE, 1, 0, "root", T0, 10_000));

    assertNarrowWaterfallContains("\nService & Operation |          |\n");
  }

  @Test
  void cutsVeryLongOperationNames() {
    add("svc", span(TRACE, 1, 0, "GET /" + "x".repeat(200), T0, 10));

    String row = new TraceWaterfall().render(trace()).split("\n")[3];

    assertTrue(row.startsWith("svc GET /xxx"), row);
    assertEquals(TraceWaterfall.MAX_LABEL, row.indexOf(" |"));
    assertTrue(row.substring(0, TraceWaterfall.MAX_LABEL).endsWith("..."), row);
  }

  @Test
  void saysSoWhenATraceHasNoSpans() {
    assertEquals("Trace 000000000000abcd\n  (no spans received)\n",
        new TraceWaterfall().render(trace()));
  }

  @Test
  void refusesAnAxisTooNarrowToRead() {
    assertThrows(IllegalArgumentException.class, () -> new TraceWaterfall(3));
  }
}
