package dev.spoor.benchmarks.lifecycle;

import dev.spoor.SpoorTracer;
import dev.spoor.benchmarks.CountingSpoorReporter;
import dev.spoor.sampler.ConstSampler;
import dev.spoor.scope.MdcScopeManager;

/**
 * Spoor with {@code ConstSampler}, a {@link CountingSpoorReporter}, 128-bit trace ids (its default)
 * and a thread-local scope manager that leaves the MDC alone, as the other tracers do by default.
 */
final class SpoorLifecycle extends OpenTracingLifecycle {
  private final SpoorTracer tracer;
  private final CountingSpoorReporter reporter;

  SpoorLifecycle(boolean sampled) {
    this(sampled, new CountingSpoorReporter());
  }

  private SpoorLifecycle(boolean sampled, CountingSpoorReporter reporter) {
    this(SpoorTracer.builder("benchmark")
        .sampler(new ConstSampler(sampled))
        .reporter(reporter)
        .traceId128Bit(true)
        .scopeManager(MdcScopeManager.withoutMdc())
        .build(), reporter);
  }

  private SpoorLifecycle(SpoorTracer tracer, CountingSpoorReporter reporter) {
    super(tracer);
    this.tracer = tracer;
    this.reporter = reporter;
  }

  @Override
  public long spansReported() {
    return reporter.spansReported();
  }

  @Override
  public void close() {
    tracer.close();
  }
}
