package dev.spoor.benchmarks.lifecycle;

import dev.spoor.SpoorSpan;
import dev.spoor.SpoorTracer;
import dev.spoor.reporter.Reporter;
import dev.spoor.sampler.ConstSampler;
import dev.spoor.scope.ThreadLocalScopeManager;

/**
 * Spoor with {@code ConstSampler}, a counting {@link Reporter}, 128-bit trace ids (its default)
 * and a thread-local scope manager that leaves the MDC alone, as the other tracers do by default.
 */
final class SpoorLifecycle extends OpenTracingLifecycle {
  private final SpoorTracer tracer;
  private final SpanCounter counter;

  SpoorLifecycle(boolean sampled) {
    this(sampled, new SpanCounter());
  }

  private SpoorLifecycle(boolean sampled, SpanCounter counter) {
    this(SpoorTracer.builder("benchmark")
        .sampler(new ConstSampler(sampled))
        .reporter(new CountingReporter(counter))
        .traceId128Bit(true)
        .scopeManager(ThreadLocalScopeManager.withoutMdc())
        .build(), counter);
  }

  private SpoorLifecycle(SpoorTracer tracer, SpanCounter counter) {
    super(tracer);
    this.tracer = tracer;
    this.counter = counter;
  }

  @Override
  public long spansReported() {
    return counter.spansReported();
  }

  @Override
  public void close() {
    tracer.close();
  }

  private static final class CountingReporter implements Reporter {
    private final SpanCounter counter;

    CountingReporter(SpanCounter counter) {
      this.counter = counter;
    }

    @Override
    public void report(SpoorSpan span) {
      counter.spanReported();
    }

    @Override
    public void close() {}
  }
}
