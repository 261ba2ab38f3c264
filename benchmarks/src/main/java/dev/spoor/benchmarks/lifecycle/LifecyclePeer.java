package dev.spoor.benchmarks.lifecycle;

import dev.spoor.benchmarks.SpanShape;

/**
 * One tracer set up for the lifecycle benchmark: a sampler that records all or nothing, a
 * reporter that only counts, 128-bit trace ids, and a thread-local notion of the active span.
 */
interface LifecyclePeer extends AutoCloseable {
  /** The three tags every peer puts on every span, as key, value pairs. */
  String[] TAGS = SpanShape.TAGS;

  /** The operation (span) name. */
  String OPERATION = SpanShape.OPERATION;

  /**
   * Starts a parent span and makes it the active span of the calling thread; closing the result
   * deactivates and finishes it.
   */
  ActiveParent activateParent();

  /**
   * The measured work: builds a span with {@link #TAGS} as child of the active span, activates it,
   * closes the scope, finishes it (which hands it to the counting reporter when sampled).
   *
   * @return the finished span, so that the JIT cannot drop the work
   */
  Object traceChildSpan();

  /** The number of finished spans the reporter has counted. */
  long spansReported();

  @Override
  void close();

  /** Creates the peer named by the benchmark's {@code system} parameter. */
  static LifecyclePeer create(String system, boolean sampled) {
    switch (system) {
      case "spoor":
        return new SpoorLifecycle(sampled);
      case "jaeger-client":
        return new JaegerClientLifecycle(sampled);
      case "brave":
        return new BraveLifecycle(sampled);
      case "otel":
        return new OtelLifecycle(sampled);
      default:
        throw new IllegalArgumentException("unknown system: " + system);
    }
  }

  /** A parent span active on one thread. */
  interface ActiveParent extends AutoCloseable {
    /** The parent span, in the tracer's own type. */
    Object span();

    /** Deactivates and finishes the parent span. */
    @Override
    void close();
  }
}
