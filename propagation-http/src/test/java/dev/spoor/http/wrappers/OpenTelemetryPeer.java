package dev.spoor.http.wrappers;

import dev.spoor.http.OpenTelemetryMapGetter;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** OpenTelemetry's W3C trace-context and W3C baggage propagators, composed as its SDK does. */
final class OpenTelemetryPeer implements HttpPeer {
  private static final TextMapPropagator PROPAGATOR = TextMapPropagator.composite(
      W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());
  @Override
  public PeerContext startAndInject(Map<String, String> headers) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String traceId = hex(random.nextLong() | 1) + hex(random.nextLong() | 1);
    SpanContext spanContext = SpanContext.create(traceId, hex(random.nextLong() | 1),
        TraceFlags.getSampled(), TraceState.getDefault());
    Context context = Context.root().with(Span.wrap(spanContext))
        .with(Baggage.builder().put(BAGGAGE_KEY, BAGGAGE_VALUE).build());
    PROPAGATOR.inject(context, headers, Map::put);
    return read(context);
  }

  @Override
  public PeerContext extract(Map<String, String> headers) {
    return read(PROPAGATOR.extract(Context.root(), headers, OpenTelemetryMapGetter.INSTANCE));
  }

  private static PeerContext read(Context context) {
    SpanContext span = Span.fromContext(context).getSpanContext();
    String traceId = span.getTraceId();
    return new PeerContext(Long.parseUnsignedLong(traceId.substring(0, 16), 16),
        Long.parseUnsignedLong(traceId.substring(16), 16),
        Long.parseUnsignedLong(span.getSpanId(), 16), span.isSampled(),
        Baggage.fromContext(context).getEntryValue(BAGGAGE_KEY));
  }

  private static String hex(long value) {
    String digits = Long.toHexString(value);
    return "0000000000000000".substring(digits.length()) + digits;
  }

  @Override
  public String toString() {
    return "OpenTelemetry W3C";
  }
}
