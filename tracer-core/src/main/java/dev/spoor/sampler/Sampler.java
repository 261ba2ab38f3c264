package dev.spoor.sampler;

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

  /** Releases resources; called by the tracer's close. */
  default void close() {}
}
