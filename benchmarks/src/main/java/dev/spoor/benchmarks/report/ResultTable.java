package dev.spoor.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results that share one table: the same benchmark method, thread count and parameters other
 * than {@code system}, one row per system. Ratios are to the row of {@link #REFERENCE}; when a row
 * of {@link #BASELINE} is present (an untraced run of the same work), each row also shows its
 * overhead over it.
 *
 * @param title the benchmark, its other parameters and its thread count
 * @param rows the results, in the order JMH ran them
 */
record ResultTable(String title, List<JmhResult> rows) {
  /** The system every other is compared with. */
  static final String REFERENCE = "spoor";
  /** The system that does the work without tracing, when a benchmark has one. */
  static final String BASELINE = "untraced";

  /** Groups results into tables, in the order their first result appears. */
  static List<ResultTable> group(List<JmhResult> results) {
    Map<String, List<JmhResult>> byTitle = new LinkedHashMap<>();
    for (JmhResult result : results) {
      byTitle.computeIfAbsent(titleOf(result), title -> new ArrayList<>()).add(result);
    }
    List<ResultTable> tables = new ArrayList<>();
    for (Map.Entry<String, List<JmhResult>> table : byTitle.entrySet()) {
      tables.add(new ResultTable(table.getKey(), table.getValue()));
    }
    return tables;
  }

  private static String titleOf(JmhResult result) {
    StringBuilder title = new StringBuilder(result.shortName());
    for (Map.Entry<String, String> param : result.params().entrySet()) {
      if (!param.getKey().equals(JmhResult.SYSTEM_PARAM)) {
        title.append(", ").append(param.getKey()).append('=').append(param.getValue());
      }
    }
    return title.append(", threads=").append(result.threads()).toString();
  }

  /** This table in Markdown: a heading, a line on how to read it, and the table. */
  String toMarkdown() {
    JmhResult reference = find(REFERENCE);
    JmhResult baseline = find(BASELINE);
    boolean higherIsBetter = rows.get(0).higherIsBetter();
    StringBuilder out = new StringBuilder();
    out.append("### ").append(title).append("\n\n");
    out.append("Mode ").append(rows.get(0).mode()).append(", ")
        .append(higherIsBetter ? "higher" : "lower").append(" score is better. ")
        .append("Ratios are this row ÷ Spoor's row.\n\n");
    out.append("| System | Score | Error (99.9%) | Unit | Score ÷ Spoor | B/op | B/op ÷ Spoor |");
    if (baseline != null) {
      out.append(" Overhead vs untraced |");
    }
    out.append('\n');
    out.append("|---|--:|--:|---|--:|--:|--:|");
    if (baseline != null) {
      out.append("--:|");
    }
    out.append('\n');
    for (JmhResult row : rows) {
      out.append("| ").append(row.system())
          .append(" | ").append(number(row.score()))
          .append(" | ").append(Double.isNaN(row.error()) ? "n/a" : "± " + number(row.error()))
          .append(" | ").append(row.unit())
          .append(" | ").append(reference == null ? "n/a" : ratio(row.score(), reference.score()))
          .append(" | ").append(number(row.bytesPerOp()))
          .append(" | ").append(reference == null
              ? "n/a" : ratio(row.bytesPerOp(), reference.bytesPerOp()));
      if (baseline != null) {
        out.append(" | ").append(overhead(row, baseline, higherIsBetter));
      }
      out.append(" |\n");
    }
    return out.toString();
  }

  private JmhResult find(String system) {
    for (JmhResult row : rows) {
      if (row.system().equals(system)) {
        return row;
      }
    }
    return null;
  }

  /** The extra time per operation over the untraced run, in percent. */
  private static String overhead(JmhResult row, JmhResult baseline, boolean higherIsBetter) {
    double timeRatio = higherIsBetter
        ? baseline.score() / row.score() : row.score() / baseline.score();
    return String.format(Locale.ROOT, "%+.1f%%", (timeRatio - 1) * 100);
  }

  private static String ratio(double value, double reference) {
    if (Double.isNaN(value) || Double.isNaN(reference)) {
      return "n/a";
    }
    if (reference < 0.5) { // nothing allocated: a ratio would be meaningless
      return value < 0.5 ? "=" : "n/a";
    }
    return String.format(Locale.ROOT, "%.2f×", value / reference);
  }

  /** Three significant digits for small numbers, whole numbers from 100 up. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, pattern, value);
  }
}
