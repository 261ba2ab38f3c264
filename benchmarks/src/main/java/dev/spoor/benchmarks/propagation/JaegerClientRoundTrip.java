package dev.spoor.benchmarks.propagation;

import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.NoopReporter;
import io.jaegertracing.internal.samplers.ConstSampler;

/** jaeger-client-java with its default codec for {@code HTTP_HEADERS}: the Jaeger format. */
final class JaegerClientRoundTrip extends OpenTracingRoundTrip {
  JaegerClientRoundTrip(String format) {
    super(new JaegerTracer.Builder("benchmark")
        .withSampler(new ConstSampler(true))
        .withReporter(new NoopReporter())
        .withTraceId128Bit()
        .withManualShutdown()
        .build());
    if (!format.equals("jaeger")) {
      throw PropagationRoundTrip.unsupported("jaeger-client", format);
    }
  }
}
