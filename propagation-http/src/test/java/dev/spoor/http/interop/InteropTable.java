package dev.spoor.http.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases an interop test ran and how each ended, printed as a Markdown table to the test's
 * output and appended to {@code target/node-interop/interop-table.md}, so a reader sees what was
 * checked against whom.
 */
final class InteropTable {
  private static final String[] HEADER = {
      "format", "peer", "direction", "sampling", "ids", "baggage", "result"};

  private final String title;
  private final List<String[]> rows = new ArrayList<>();

  InteropTable(String title) {
    this.title = title;
  }

  synchronized void add(String format, String peer, String direction, String sampling, String ids,
      String baggage, String result) {
    rows.add(new String[] {format, peer, direction, sampling, ids, baggage, result});
  }

  synchronized String render() {
    int[] widths = new int[HEADER.length];
    List<String[]> all = new ArrayList<>();
    all.add(HEADER);
    all.addAll(rows);
    for (String[] row : all) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder("\n").append(title).append(" (").append(rows.size())
        .append(" cases)\n\n");
    for (int r = 0; r < all.size(); r++) {
      line(out, all.get(r), widths);
      if (r == 0) {
        String[] rule = new String[HEADER.length];
        for (int i = 0; i < rule.length; i++) {
          rule[i] = "-".repeat(widths[i]);
        }
        line(out, rule, widths);
      }
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String[] cells, int[] widths) {
    out.append('|');
    for (int i = 0; i < cells.length; i++) {
      out.append(' ').append(cells[i]).append(" ".repeat(widths[i] - cells[i].length()))
          .append(" |");
    }
    out.append('\n');
  }

  /** Prints the table and appends it to the report file. */
  void print() {
    String text = render();
    System.out.println(text);
    Path report = Paths.get("target", "node-interop", "interop-table.md");
    try {
      Files.createDirectories(report.getParent());
      Files.writeString(report, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
