package dev.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.sampler.ConstSampler;
import io.jaegertracing.internal.JaegerSpanContext;
import io.jaegertracing.internal.propagation.TraceContextCodec;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentracing.Span;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * W3C Trace Context Level 2's {@code random} trace-flag (bit {@code 02}, §3.2.2.5.2): set on the
 * traceparent of a trace whose id Spoor drew, carried on when it arrived, never claimed for ids
 * from headers that cannot say (B3, Jaeger); and still read correctly by Level 1 parsers.
 */
class RandomTraceFlagTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_ID = "00f067aa0ba902b7";

  private static Map<String, String> headers() {
    return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  }

  private static SpoorTracer tracer(boolean sampled, boolean traceId128Bit, String... formats) {
    return SpoorTracer.builder("svc").propagation(formats).sampler(new ConstSampler(sampled))
        .traceId128Bit(traceId128Bit).build();
  }

  private static Map<String, String> inject(SpoorTracer tracer, Span span) {
    Map<String, String> out = headers();
    tracer.inject(span.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(out));
    return out;
  }

  private static String flagsOf(String traceParent) {
    return traceParent.substring(traceParent.length() - 2);
  }

  @ParameterizedTest(name = "sampled={0} 128-bit={1}: flags {2}")
  @CsvSource({"true, true, 03", "false, true, 02", "true, false, 03", "false, false, 02"})
  void aTraceSpoorStartsIsMarkedRandomOnItsTraceparent(
      boolean sampled, boolean traceId128Bit, String flags) {
    try (SpoorTracer tracer = tracer(sampled, traceId128Bit, "w3c")) {
      Span root = tracer.buildSpan("root").start();
      Span child = tracer.buildSpan("child").asChildOf(root).start();

      assertTrue(((SpoorSpanContext) root.context()).isTraceIdRandom());
      assertEquals(flags, flagsOf(inject(tracer, root).get("traceparent")));
      assertEquals(flags, flagsOf(inject(tracer, child).get("traceparent")), "children keep it");
    }
  }

  @ParameterizedTest(name = "received {0}: sampled={1} random={2}, child writes {3}")
  @CsvSource({
      "00, false, false, 00",
      "01, true,  false, 01",
      "02, false, true,  02",
      "03, true,  true,  03",
      "09, true,  false, 01", // bit 0x08 is undefined: ignored, and written as zero
      "0a, false, true,  02",
      "ff, true,  true,  03"})
  void aReceivedRandomFlagIsCarriedOnAndAnUnsetOneStaysUnset(
      String received, boolean sampled, boolean random, String childFlags) {
    try (SpoorTracer tracer = tracer(false, true, "w3c")) {
      Map<String, String> incoming = headers();
      incoming.put("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-" + received);
      SpoorSpanContext extracted = (SpoorSpanContext)
          tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(incoming));
      assertNotNull(extracted);
      assertEquals(sampled, extracted.isSampled());
      assertEquals(random, extracted.isTraceIdRandom());

      Span child = tracer.buildSpan("server").asChildOf(extracted).start();
      String out = inject(tracer, child).get("traceparent");
      assertTrue(out.startsWith("00-" + TRACE_ID + "-"), out);
      assertEquals(childFlags, flagsOf(out));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "b3        | X-B3-TraceId  | 4bf92f3577b34da6a3ce929d0e0e4736 | X-B3-SpanId | 00f067aa0ba902b7",
      "b3-single | b3            | 4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1 | - | -",
      "jaeger    | uber-trace-id | 4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1 | - | -"})
  void aTraceIdFromHeadersThatCannotSayIsNotClaimedRandom(
      String format, String name, String value, String name2, String value2) {
    try (SpoorTracer tracer = tracer(true, true, format, "w3c")) {
      Map<String, String> incoming = headers();
      incoming.put(name, value);
      if (!"-".equals(name2)) {
        incoming.put(name2, value2);
        incoming.put("X-B3-Sampled", "1");
      }
      SpoorSpanContext extracted = (SpoorSpanContext)
          tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(incoming));
      assertEquals(TRACE_ID, extracted.toTraceId());
      assertFalse(extracted.isTraceIdRandom());

      Span child = tracer.buildSpan("server").asChildOf(extracted).start();
      assertEquals("01", flagsOf(inject(tracer, child).get("traceparent")), "sampled only");
    }
  }

  @ParameterizedTest(name = "baggage only, {0}")
  @ValueSource(strings = {"w3c", "jaeger"})
  void aNewTraceStartedUnderIncomingBaggageIsSpoorsOwnAndRandom(String format) {
    try (SpoorTracer tracer = tracer(true, true, format, "w3c")) {
      Map<String, String> incoming = headers();
      incoming.put("baggage", "user=alice");
      incoming.put("uberctx-user", "alice");
      SpoorSpanContext partial = (SpoorSpanContext)
          tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(incoming));
      Span root = tracer.buildSpan("root").asChildOf(partial).start();
      assertEquals("alice", root.getBaggageItem("user"));
      assertEquals("03", flagsOf(inject(tracer, root).get("traceparent")));
    }
  }

  @ParameterizedTest(name = "sampled={0}")
  @ValueSource(booleans = {true, false})
  void levelOneParsersReadOnlySampledFromWhatSpoorWrites(boolean sampled) {
    try (SpoorTracer tracer = tracer(sampled, true, "w3c")) {
      Span root = tracer.buildSpan("root").start();
      Map<String, String> written = inject(tracer, root);
      assertEquals(sampled ? "03" : "02", flagsOf(written.get("traceparent")));

      JaegerSpanContext jaeger = new TraceContextCodec.Builder().build()
          .extract(new TextMapAdapter(written));
      assertNotNull(jaeger, "jaeger-client-java's W3C codec accepts " + written);
      assertEquals(root.context().toTraceId(), jaeger.getTraceId());
      assertEquals(sampled, jaeger.isSampled());

      SpanContext otel = io.opentelemetry.api.trace.Span.fromContext(
          W3CTraceContextPropagator.getInstance().extract(
              Context.root(), written, OpenTelemetryMapGetter.INSTANCE)).getSpanContext();
      assertTrue(otel.isValid(), "OpenTelemetry accepts " + written);
      assertEquals(sampled, otel.isSampled());
    }
  }
}
