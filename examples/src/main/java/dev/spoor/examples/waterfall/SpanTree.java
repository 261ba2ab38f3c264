package dev.spoor.examples.waterfall;

import dev.spoor.examples.agent.ReceivedSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders a trace's spans depth-first, parents before children and siblings by start time, the row
 * order of the Jaeger UI. A span whose parent never arrived (or that sits on a reference cycle)
 * becomes a top-level row marked as an orphan, so that no span is left out.
 */
final class SpanTree {
  /** Why a span with a parent id is drawn at the top level. */
  enum Detached {
    /** A root, or a span drawn under its parent. */
    NO,
    /** Its parent span never arrived. */
    PARENT_MISSING,
    /** Its parents refer to each other in a loop, so none of them is a root. */
    PARENT_CYCLE
  }

  /** One row of the waterfall: a span, its depth (0 for top-level rows) and why it is detached. */
  record Row(ReceivedSpan span, int depth, Detached detached) {}

  private static final Comparator<ReceivedSpan> BY_START =
      Comparator.comparingLong(ReceivedSpan::startMicros).thenComparingLong(ReceivedSpan::spanId);

  private SpanTree() {}

  static List<Row> rows(List<ReceivedSpan> spans) {
    Set<Long> ids = new HashSet<>();
    for (ReceivedSpan span : spans) {
      ids.add(span.spanId());
    }
    Map<Long, List<ReceivedSpan>> children = new HashMap<>();
    List<ReceivedSpan> tops = new ArrayList<>();
    for (ReceivedSpan span : spans) {
      long parent = span.parentSpanId();
      if (parent == 0L || parent == span.spanId() || !ids.contains(parent)) {
        tops.add(span);
      } else {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(span);
      }
    }
    for (List<ReceivedSpan> siblings : children.values()) {
      siblings.sort(BY_START);
    }
    tops.sort(BY_START);

    List<Row> rows = new ArrayList<>(spans.size());
    Map<ReceivedSpan, Boolean> visited = new IdentityHashMap<>();
    for (ReceivedSpan top : tops) {
      visit(top, 0, top.parentSpanId() != 0L ? Detached.PARENT_MISSING : Detached.NO, children, visited, rows);
    }
    // Spans on a parent cycle are reachable from no top; show them rather than drop them.
    List<ReceivedSpan> unreached = new ArrayList<>();
    for (ReceivedSpan span : spans) {
      if (!visited.containsKey(span)) {
        unreached.add(span);
      }
    }
    unreached.sort(BY_START);
    for (ReceivedSpan span : unreached) {
      if (!visited.containsKey(span)) {
        visit(span, 0, Detached.PARENT_CYCLE, children, visited, rows);
      }
    }
    return rows;
  }

  private static void visit(ReceivedSpan span, int depth, Detached detached,
      Map<Long, List<ReceivedSpan>> children, Map<ReceivedSpan, Boolean> visited, List<Row> rows) {
    visited.put(span, Boolean.TRUE);
    rows.add(new Row(span, depth, detached));
    for (ReceivedSpan child : children.getOrDefault(span.spanId(), List.of())) {
      if (!visited.containsKey(child)) {
        visit(child, depth + 1, Detached.NO, children, visited, rows);
      }
    }
  }
}
