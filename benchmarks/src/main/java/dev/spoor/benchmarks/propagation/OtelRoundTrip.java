package dev.spoor.benchmarks.propagation;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.opentelemetry.extension.trace.propagation.JaegerPropagator;
import java.util.HashMap;
import java.util.Map;

/**
 * The OpenTelemetry API's propagators: for {@code w3c}, {@code W3CTraceContextPropagator} with
 * {@code W3CBaggagePropagator}; for {@code b3}, {@code B3Propagator.injectingMultiHeaders()} with
 * {@code W3CBaggagePropagator} (OpenTelemetry's B3 carries no baggage of its own); for
 * {@code jaeger}, {@code JaegerPropagator}, which carries baggage as {@code uberctx-*} itself.
 */
final class OtelRoundTrip implements PropagationRoundTrip {
  /** Reads the header map; lists its keys too, which JaegerPropagator needs to find uberctx-*. */
  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<Map<String, String>>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final TextMapPropagator propagator;
  private final Context context;
  private final Map<String, String> headers = new HashMap<>();

  OtelRoundTrip(String format) {
    switch (format) {
      case "jaeger":
        propagator = JaegerPropagator.getInstance();
        break;
      case "w3c":
        propagator = TextMapPropagator.composite(
            W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());
        break;
      case "b3":
        propagator = TextMapPropagator.composite(
            B3Propagator.injectingMultiHeaders(), W3CBaggagePropagator.getInstance());
        break;
      default:
        throw PropagationRoundTrip.unsupported("otel", format);
    }
    SpanContext span = SpanContext.create(
        "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
        TraceFlags.getSampled(), TraceState.getDefault());
    Baggage baggage = Baggage.builder()
        .put(BAGGAGE[0], BAGGAGE[1])
        .put(BAGGAGE[2], BAGGAGE[3])
        .build();
    context = Context.root().with(Span.wrap(span)).with(baggage);
  }

  @Override
  public Object injectAndExtract() {
    headers.clear();
    propagator.inject(context, headers, Map::put);
    return propagator.extract(Context.root(), headers, GETTER);
  }

  @Override
  public Map<String, String> headers() {
    return headers;
  }
}
