package dev.spoor.http.wrappers;

import io.jaegertracing.internal.JaegerSpanContext;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.InMemoryReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.opentracing.Span;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.Map;

/**
 * jaeger-client-java 1.8.1 with its default HTTP_HEADERS codec ({@code uber-trace-id} and
 * URL-encoded {@code uberctx-*}), as a service still running it would be configured.
 */
final class JaegerClientPeer implements HttpPeer {
  private final JaegerTracer tracer = new JaegerTracer.Builder("jaeger-peer")
      .withReporter(new InMemoryReporter())
      .withSampler(new ConstSampler(true))
      .build();

  @Override
  public PeerContext startAndInject(Map<String, String> headers) {
    Span span = tracer.buildSpan("jaeger-client-call").start();
    span.setBaggageItem(BAGGAGE_KEY, BAGGAGE_VALUE);
    tracer.inject(span.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
    span.finish();
    return read((JaegerSpanContext) span.context());
  }

  @Override
  public PeerContext extract(Map<String, String> headers) {
    return read((JaegerSpanContext) tracer.extract(
        Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers)));
  }

  private static PeerContext read(JaegerSpanContext context) {
    return new PeerContext(context.getTraceIdHigh(), context.getTraceIdLow(), context.getSpanId(),
        context.isSampled(), context.getBaggageItem(BAGGAGE_KEY));
  }

  @Override
  public String toString() {
    return "jaeger-client-java";
  }
}
