package dev.spoor.benchmarks.lifecycle;

import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.spi.Reporter;

/**
 * jaeger-client-java with its {@code ConstSampler}, a counting {@link Reporter}, 128-bit trace ids
 * and its default scope manager (OpenTracing's thread-local one) and metrics (no-op).
 */
final class JaegerClientLifecycle extends OpenTracingLifecycle {
  private final JaegerTracer tracer;
  private final SpanCounter counter;

  JaegerClientLifecycle(boolean sampled) {
    this(sampled, new SpanCounter());
  }

  private JaegerClientLifecycle(boolean sampled, SpanCounter counter) {
    this(new JaegerTracer.Builder("benchmark")
        .withSampler(new ConstSampler(sampled))
        .withReporter(new CountingReporter(counter))
        .withTraceId128Bit()
        .withManualShutdown()
        .build(), counter);
  }

  private JaegerClientLifecycle(JaegerTracer tracer, SpanCounter counter) {
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
    public void report(JaegerSpan span) {
      counter.spanReported();
    }

    @Override
    public void close() {}
  }
}
