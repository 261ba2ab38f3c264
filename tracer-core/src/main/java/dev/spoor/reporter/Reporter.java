package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import dev.spoor.metrics.SpoorMetrics;
import java.util.Collections;
import java.util.List;

/**
 * Receives finished, sampled spans. {@link #report} runs on the application's thread that finished
 * the span, so implementations must return quickly, never block and never throw: hand the span to
 * another thread (as the UDP reporter does) or record it in memory.
 */
public interface Reporter extends AutoCloseable {
  /** A reporter that discards everything. */
  Reporter NOOP = new Reporter() {
    @Override
    public void report(FinishedSpan span) {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return "Reporter.NOOP";
    }
  };

  /** Accepts one finished span; the span is frozen and may be read from any thread. */
  void report(FinishedSpan span);

  /**
   * The counters this reporter writes (spans sent, dropped and why), so that the tracer's
   * {@code metrics()} shows them beside its own; empty (the default) for a reporter that counts
   * nothing. A composite lists its delegates' sets, each once.
   */
  default List<SpoorMetrics> counters() {
    return Collections.emptyList();
  }

  /** Flushes what is pending within a bounded time and releases resources. Idempotent. */
  @Override
  void close();
}
