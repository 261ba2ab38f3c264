package dev.spoor.examples.waterfall;

import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.agent.ReceivedSpan;
import dev.spoor.examples.agent.TraceIds;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders one trace as text, like the Jaeger UI's trace view, for a terminal.
 *
 * <p>The header names the trace id, its start (UTC), total duration, number of services, depth and
 * span count. Each following row is one span in tree order, indented two spaces per level, with
 * its service and operation, a bar on a time axis covering the whole trace, and its duration in
 * milliseconds. Bars are drawn with {@code =} for client (and producer) spans, the time spent
 * waiting on another service, and {@code #} for all other spans. Spans tagged {@code error=true}
 * end with {@code ERROR}; spans whose parent never arrived (or whose parents loop) are shown at
 * the top level and say so.
 */
public final class TraceWaterfall {
  /** Columns of the time axis unless another width is given. */
  public static final int DEFAULT_AXIS_WIDTH = 40;
  /** Longest service-and-operation label; longer ones are cut and end with {@code ...}. */
  static final int MAX_LABEL = 60;

  private static final String LABEL_TITLE = "Service & Operation";
  private static final DateTimeFormatter START_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final int axisWidth;

  /** A renderer with a {@value #DEFAULT_AXIS_WIDTH}-column time axis. */
  public TraceWaterfall() {
    this(DEFAULT_AXIS_WIDTH);
  }

  /** A renderer whose time axis is {@code axisWidth} columns wide (at least 10). */
  public TraceWaterfall(int axisWidth) {
    if (axisWidth < 10) {
      throw new IllegalArgumentException("axisWidth < 10: " + axisWidth);
    }
    this.axisWidth = axisWidth;
  }

  /** The waterfall of {@code trace}, lines separated by {@code \n} and ending with one. */
  public String render(AssembledTrace trace) {
    if (trace == null) {
      throw new NullPointerException("trace == null");
    }
    StringBuilder out = new StringBuilder();
    out.append("Trace ").append(trace.traceIdHex()).append('\n');
    List<ReceivedSpan> spans = trace.spans();
    if (spans.isEmpty()) {
      return out.append("  (no spans received)\n").toString();
    }

    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (ReceivedSpan span : spans) {
      start = Math.min(start, span.startMicros());
      end = Math.max(end, span.startMicros() + span.durationMicros());
    }
    long total = end - start;
    List<SpanTree.Row> rows = SpanTree.rows(spans);
    int depth = 0;
    for (SpanTree.Row row : rows) {
      depth = Math.max(depth, row.depth() + 1);
    }

    out.append("Trace Start ").append(START_FORMAT.format(instantOf(start)))
        .append("   Duration ").append(millis(total))
        .append("   Services ").append(trace.serviceNames().size())
        .append("   Depth ").append(depth)
        .append("   Total Spans ").append(spans.size()).append('\n');

    List<String> labels = new ArrayList<>(rows.size());
    int labelWidth = LABEL_TITLE.length();
    int durationWidth = 0;
    for (SpanTree.Row row : rows) {
      String label = label(row);
      labels.add(label);
      labelWidth = Math.max(labelWidth, label.length());
      durationWidth = Math.max(durationWidth, millis(row.span().durationMicros()).length());
    }

    out.append(pad(LABEL_TITLE, labelWidth)).append(" |").append(axisLabels(total)).append("|\n");
    TimeAxis axis = new TimeAxis(start, total, axisWidth);
    for (int i = 0; i < rows.size(); i++) {
      SpanTree.Row row = rows.get(i);
      ReceivedSpan span = row.span();
      out.append(pad(labels.get(i), labelWidth)).append(" |")
          .append(axis.bar(span.startMicros(), span.durationMicros(), fill(span)))
          .append("| ").append(padLeft(millis(span.durationMicros()), durationWidth));
      if (span.isError()) {
        out.append("  ERROR");
      }
      if (row.detached() != SpanTree.Detached.NO) {
        out.append("  (parent ").append(TraceIds.spanIdHex(span.parentSpanId()))
            .append(row.detached() == SpanTree.Detached.PARENT_MISSING
                ? " not received)" : " is on a cycle)");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String label(SpanTree.Row row) {
    String label = "  ".repeat(row.depth()) + row.span().serviceName() + " "
        + row.span().operationName();
    return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 3) + "...";
  }

  private static char fill(ReceivedSpan span) {
    String kind = span.tag("span.kind");
    return "client".equals(kind) || "producer".equals(kind) ? '=' : '#';
  }

  /** "0 ms" at the left end of the axis and the total at the right, when both fit. */
  private String axisLabels(long totalMicros) {
    String left = "0 ms";
    String right = millis(totalMicros);
    int gap = axisWidth - left.length() - right.length();
    return gap < 1 ? " ".repeat(axisWidth) : left + " ".repeat(gap) + right;
  }

  private static Instant instantOf(long epochMicros) {
    return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
        Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
  }

  static String millis(long micros) {
    return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String padLeft(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}
