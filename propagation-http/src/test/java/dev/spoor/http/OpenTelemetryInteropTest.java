package dev.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.sampler.ConstSampler;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.opentracing.Span;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * W3C Trace Context, W3C Baggage and B3 both ways with OpenTelemetry's own propagators, through
 * the OpenTracing API of a Spoor tracer.
 */
class OpenTelemetryInteropTest {
  private static final TextMapGetter<Map<String, String>> GETTER =
      OpenTelemetryMapGetter.INSTANCE;
  private static final TextMapPropagator OTEL_W3C = TextMapPropagator.composite(
      W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());
  private static final String AWKWARD = "gr\u00fc\u00dfe, \"quoted\"; a=b % 100+1 \\ \u65e5\u672c";

  private static Map<String, String> headers() {
    return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  }

  private static SpoorSpanContext spoorExtract(SpoorTracer tracer, Map<String, String> headers) {
    return (SpoorSpanContext) tracer.extract(
        Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
  }

  @Test
  void extractsWhatOpenTelemetryW3cInjects() {
    for (TraceFlags flags : new TraceFlags[] {TraceFlags.getSampled(), TraceFlags.getDefault()}) {
      SpanContext otel = SpanContext.createFromRemoteParent(
          "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", flags,
          TraceState.builder().put("congo", "t61rcWkgMzE").put("rojo", "00f067aa0ba902b7")
              .build());
      Baggage baggage = Baggage.builder().put("user", "alice").put("awkward", AWKWARD).build();
      Map<String, String> headers = headers();
      OTEL_W3C.inject(Context.root().with(io.opentelemetry.api.trace.Span.wrap(otel))
          .with(baggage), headers, Map::put);

      try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation("w3c").build()) {
        SpoorSpanContext spoor = spoorExtract(tracer, headers);
        assertEquals(otel.getTraceId(), spoor.toTraceId());
        assertEquals(otel.getSpanId(), spoor.toSpanId());
        assertEquals(otel.isSampled(), spoor.isSampled());
        assertEquals(headers.get("tracestate"), spoor.traceState());
        assertEquals("alice", spoor.getBaggageItem("user"));
        assertEquals(AWKWARD, spoor.getBaggageItem("awkward"), headers.get("baggage"));
      }
    }
  }

  @Test
  void openTelemetryExtractsWhatSpoorInjects() {
    for (boolean sampled : new boolean[] {true, false}) {
      for (boolean traceId128 : new boolean[] {true, false}) {
        try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation("w3c")
            .sampler(new ConstSampler(sampled)).traceId128Bit(traceId128).build()) {
          Map<String, String> incoming = headers();
          incoming.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
          incoming.put("tracestate", "congo=t61rcWkgMzE");
          Span span = traceId128 && sampled
              ? tracer.buildSpan("server").asChildOf(spoorExtract(tracer, incoming)).start()
              : tracer.buildSpan("root").start();
          span.setBaggageItem("user", "alice");
          span.setBaggageItem("awkward", AWKWARD);
          Map<String, String> headers = headers();
          tracer.inject(span.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
          span.finish();

          Context extracted = OTEL_W3C.extract(Context.root(), headers, GETTER);
          SpanContext otel = io.opentelemetry.api.trace.Span.fromContext(extracted)
              .getSpanContext();
          SpoorSpanContext spoor = (SpoorSpanContext) span.context();
          assertTrue(otel.isValid(), headers.toString());
          assertEquals(spoor.traceIdHigh() == 0 ? "0000000000000000" + spoor.toTraceId()
              : spoor.toTraceId(), otel.getTraceId());
          assertEquals(spoor.toSpanId(), otel.getSpanId());
          assertEquals(spoor.isSampled(), otel.isSampled());
          if (traceId128 && sampled) {
            assertEquals("t61rcWkgMzE", otel.getTraceState().get("congo"));
          }
          Baggage baggage = Baggage.fromContext(extracted);
          assertEquals("alice", baggage.getEntryValue("user"));
          assertEquals(AWKWARD, baggage.getEntryValue("awkward"), headers.get("baggage"));
        }
      }
    }
  }

  @Test
  void exchangesB3WithOpenTelemetryInBothDirections() {
    TextMapPropagator[] otelB3 = {
        B3Propagator.injectingSingleHeader(), B3Propagator.injectingMultiHeaders()};
    for (TextMapPropagator otel : otelB3) {
      for (String format : new String[] {"b3", "b3-single"}) {
        try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation(format).build()) {
          SpanContext sent = SpanContext.createFromRemoteParent(
              "463ac35c9f6413ad48485a3953bb6124", "a2fb4a1d1a96d312", TraceFlags.getSampled(),
              TraceState.getDefault());
          Map<String, String> headers = headers();
          otel.inject(Context.root().with(io.opentelemetry.api.trace.Span.wrap(sent)), headers,
              Map::put);
          SpoorSpanContext spoor = spoorExtract(tracer, headers);
          assertEquals(sent.getTraceId(), spoor.toTraceId(), headers.toString());
          assertEquals(sent.getSpanId(), spoor.toSpanId());
          assertTrue(spoor.isSampled());

          Span span = tracer.buildSpan("child").asChildOf(spoor).start();
          Map<String, String> back = headers();
          tracer.inject(span.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(back));
          span.finish();
          SpanContext received = io.opentelemetry.api.trace.Span.fromContext(
              otel.extract(Context.root(), back, GETTER)).getSpanContext();
          assertEquals(sent.getTraceId(), received.getTraceId(), back.toString());
          assertEquals(span.context().toSpanId(), received.getSpanId());
          assertTrue(received.isSampled());
        }
      }
    }
  }

  @Test
  void openTelemetryReadsAnUnsampledSpoorB3ContextAsUnsampled() {
    try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation("b3")
        .sampler(new ConstSampler(false)).traceId128Bit(false).build()) {
      Span span = tracer.buildSpan("root").start();
      Map<String, String> headers = new HashMap<>();
      tracer.inject(span.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      span.finish();
      SpanContext otel = io.opentelemetry.api.trace.Span.fromContext(
          B3Propagator.injectingMultiHeaders().extract(Context.root(), headers, GETTER))
          .getSpanContext();
      assertEquals("0000000000000000" + span.context().toTraceId(), otel.getTraceId());
      assertFalse(otel.isSampled());
    }
  }
}
