package dev.spoor.benchmarks.propagation;

import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.propagation.B3TextMapCodec;
import io.jaegertracing.internal.reporters.NoopReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.opentracing.propagation.Format;

/**
 * jaeger-client-java for {@code HTTP_HEADERS}: its default codec for {@code jaeger}; for
 * {@code b3}, its {@code B3TextMapCodec} (baggage as {@code baggage-*} headers) registered in its
 * place. Its W3C codec ({@code TraceContextCodec}) carries no baggage, so it is not measured.
 */
final class JaegerClientRoundTrip extends OpenTracingRoundTrip {
  JaegerClientRoundTrip(String format) {
    super(tracer(format));
  }

  private static JaegerTracer tracer(String format) {
    JaegerTracer.Builder builder = new JaegerTracer.Builder("benchmark")
        .withSampler(new ConstSampler(true))
        .withReporter(new NoopReporter())
        .withTraceId128Bit()
        .withManualShutdown();
    switch (format) {
      case "jaeger":
        break;
      case "b3":
        B3TextMapCodec b3 = new B3TextMapCodec.Builder().build();
        builder.registerInjector(Format.Builtin.HTTP_HEADERS, b3)
            .registerExtractor(Format.Builtin.HTTP_HEADERS, b3);
        break;
      default:
        throw PropagationRoundTrip.unsupported("jaeger-client", format);
    }
    return builder.build();
  }
}
