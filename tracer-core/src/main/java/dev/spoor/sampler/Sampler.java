package dev.spoor.sampler;

import dev.spoor.metrics.SpoorMetrics;
import java.util.Collections;
import java.util.List;

/**
 * Decides whether a new trace is recorded. Called once per root span (and for a remote parent that
 * left the decision to us); children inherit their parent's decision. Implementations must be
 * thread-safe, non-blocking and allocation-free: they run on the application's request path.
 */
public interface Sampler {
  /**
   * Decides for a new trace.
   *
   * @param operationName the root span's operation name
   * @param traceIdHigh upper 64 bits of the new trace id (0 for 64-bit ids)
   * @param traceIdLow lower 64 bits of the new trace id
   * @return the decision, with the tags that describe it; typically a shared constant
   */
  SamplingDecision sample(String operationName, long traceIdHigh, long traceIdLow);

  /**
   * The counters this sampler writes (a remote sampler's polls and updates), so that the tracer's
   * {@code metrics()} shows them beside its own, as it does a reporter's; empty (the default) for
   * a sampler that counts nothing.
   */
  default List<SpoorMetrics> counters() {
    return Collections.emptyList();
  }

  /** Releases resources; called by the tracer's close. */
  default void close() {}
}
