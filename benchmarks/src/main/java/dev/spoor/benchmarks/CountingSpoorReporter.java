package dev.spoor.benchmarks;

import dev.spoor.FinishedSpan;
import dev.spoor.reporter.Reporter;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Spoor reporter that only counts the finished spans handed to it, for benchmarks that measure
 * the tracer rather than a transport. A {@link LongAdder}, so that threads do not fight over one
 * counter.
 */
public final class CountingSpoorReporter implements Reporter {
  private final LongAdder count = new LongAdder();

  /** Counts the span and keeps nothing. */
  @Override
  public void report(FinishedSpan span) {
    count.increment();
  }

  /** The spans reported so far. */
  public long spansReported() {
    return count.sum();
  }

  /** Nothing to release. */
  @Override
  public void close() {}
}
