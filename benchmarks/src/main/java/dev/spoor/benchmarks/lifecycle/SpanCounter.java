package dev.spoor.benchmarks.lifecycle;

import java.util.concurrent.atomic.LongAdder;

/**
 * The cheap consumer behind every tracer's reporter: it counts the finished spans handed to it and
 * keeps nothing. A {@link LongAdder}, so that two benchmark threads do not fight over one counter.
 */
final class SpanCounter {
  private final LongAdder count = new LongAdder();

  void spanReported() {
    count.increment();
  }

  long spansReported() {
    return count.sum();
  }
}
