package dev.spoor.benchmarks.propagation;

import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.HashMap;
import java.util.Map;

/**
 * The round trip through the OpenTracing API ({@code HTTP_HEADERS}), shared by Spoor and
 * jaeger-client-java so that both run the very same calls.
 */
abstract class OpenTracingRoundTrip implements PropagationRoundTrip {
  private final Tracer tracer;
  private final SpanContext context;
  private final Map<String, String> headers = new HashMap<>();
  private final TextMapAdapter carrier = new TextMapAdapter(headers);

  OpenTracingRoundTrip(Tracer tracer) {
    this.tracer = tracer;
    Span span = tracer.buildSpan("client").ignoreActiveSpan().start();
    span.setBaggageItem(BAGGAGE[0], BAGGAGE[1]);
    span.setBaggageItem(BAGGAGE[2], BAGGAGE[3]);
    this.context = span.context();
  }

  @Override
  public Object injectAndExtract() {
    headers.clear();
    tracer.inject(context, Format.Builtin.HTTP_HEADERS, carrier);
    return tracer.extract(Format.Builtin.HTTP_HEADERS, carrier);
  }

  @Override
  public Map<String, String> headers() {
    return headers;
  }
}
