package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps finished spans in memory, in finish order: for users' own tests of their instrumentation.
 * Not for production, since it grows without bound until {@link #clear()}.
 */
public final class InMemoryReporter implements Reporter {
  private final List<FinishedSpan> spans = new ArrayList<>();

  @Override
  public void report(FinishedSpan span) {
    synchronized (spans) {
      spans.add(span);
    }
  }

  /** A copy of the spans reported so far, in finish order. */
  public List<FinishedSpan> spans() {
    synchronized (spans) {
      return new ArrayList<>(spans);
    }
  }

  /** Number of spans reported so far. */
  public int size() {
    synchronized (spans) {
      return spans.size();
    }
  }

  /** Forgets every span reported so far. */
  public void clear() {
    synchronized (spans) {
      spans.clear();
    }
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "InMemoryReporter{" + size() + " spans}";
  }
}
