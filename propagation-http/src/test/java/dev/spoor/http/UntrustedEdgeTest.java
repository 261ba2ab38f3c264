package dev.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.sampler.ConstSampler;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ignoreIncomingSamplingDecisions} and {@code ignoreIncomingBaggage} apply to W3C and B3
 * input as to Jaeger's; a B3 context without a decision asks the local sampler, and a B3 decision
 * without ids decides the new trace.
 */
class UntrustedEdgeTest {
  private static final String TRACE_ID = "12345678901234567890123456789012";

  private static Map<String, String> w3cSampledWithBaggage() {
    Map<String, String> headers = new HashMap<>();
    headers.put("traceparent", "00-" + TRACE_ID + "-1234567890123456-01");
    headers.put("baggage", "user=alice");
    return headers;
  }

  private static Map<String, String> b3Debug() {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-B3-TraceId", TRACE_ID);
    headers.put("X-B3-SpanId", "1234567890123456");
    headers.put("X-B3-Flags", "1");
    return headers;
  }

  private static SpoorSpanContext childOf(SpoorTracer tracer, Map<String, String> headers) {
    SpanContext parent =
        tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
    Span span = tracer.buildSpan("server").asChildOf(parent).start();
    span.finish();
    return (SpoorSpanContext) span.context();
  }

  @Test
  void trustsIncomingDecisionsAndBaggageByDefault() {
    try (SpoorTracer tracer = SpoorTracer.builder("edge").sampler(new ConstSampler(false))
        .propagation("w3c", "b3").build()) {
      SpoorSpanContext w3c = childOf(tracer, w3cSampledWithBaggage());
      assertTrue(w3c.isSampled());
      assertEquals("alice", w3c.getBaggageItem("user"));
      SpoorSpanContext b3 = childOf(tracer, b3Debug());
      assertTrue(b3.isSampled());
      assertTrue(b3.isDebug());
    }
  }

  @Test
  void ignoresIncomingW3cAndB3DecisionsAtAnUntrustedEdge() {
    try (SpoorTracer tracer = SpoorTracer.builder("edge").sampler(new ConstSampler(false))
        .propagation("w3c", "b3").ignoreIncomingSamplingDecisions(true).build()) {
      SpoorSpanContext w3c = childOf(tracer, w3cSampledWithBaggage());
      assertEquals(TRACE_ID, w3c.toTraceId(), "the trace continues");
      assertFalse(w3c.isSampled());
      SpoorSpanContext b3 = childOf(tracer, b3Debug());
      assertEquals(TRACE_ID, b3.toTraceId());
      assertFalse(b3.isSampled());
      assertFalse(b3.isDebug());
    }
  }

  @Test
  void dropsIncomingW3cBaggageAtAnUntrustedEdge() {
    try (SpoorTracer tracer = SpoorTracer.builder("edge").propagation("w3c")
        .ignoreIncomingBaggage(true).build()) {
      SpoorSpanContext context = childOf(tracer, w3cSampledWithBaggage());
      assertEquals(TRACE_ID, context.toTraceId());
      assertTrue(context.baggage().isEmpty());
    }
  }

  @ParameterizedTest
  @CsvSource({"b3, 0, false", "b3, 1, true", "b3, d, true", "X-B3-Sampled, 0, false",
      "X-B3-Sampled, 1, true", "X-B3-Flags, 1, true"})
  void aNewTraceKeepsAnUpstreamB3DecisionSentWithoutIds(String header, String value,
      boolean sampled) {
    Map<String, String> headers = Map.of(header, value);
    try (SpoorTracer sampleAll = SpoorTracer.builder("a").propagation("b3").build();
        SpoorTracer sampleNone = SpoorTracer.builder("b").sampler(new ConstSampler(false))
            .propagation("b3").build()) {
      for (SpoorTracer tracer : new SpoorTracer[] {sampleAll, sampleNone}) {
        SpoorSpanContext root = childOf(tracer, headers);
        assertEquals(0L, root.parentId(), "a new trace");
        assertEquals(sampled, root.isSampled(), tracer.toString());
        assertEquals("d".equals(value) || "X-B3-Flags".equals(header), root.isDebug());
      }
    }
  }

  @Test
  void ignoresAnUpstreamB3DecisionWithoutIdsAtAnUntrustedEdge() {
    try (SpoorTracer tracer = SpoorTracer.builder("edge").propagation("b3")
        .ignoreIncomingSamplingDecisions(true).build()) {
      assertTrue(childOf(tracer, Map.of("b3", "0")).isSampled(), "the local sampler decides");
      assertFalse(childOf(tracer, Map.of("b3", "d")).isDebug());
    }
  }

  @Test
  void letsTheLocalSamplerDecideForB3WithoutSampled() {
    Map<String, String> headers = b3Debug();
    headers.remove("X-B3-Flags");
    try (SpoorTracer sampleAll = SpoorTracer.builder("a").propagation("b3").build();
        SpoorTracer sampleNone = SpoorTracer.builder("b").sampler(new ConstSampler(false))
            .propagation("b3").build()) {
      assertTrue(childOf(sampleAll, headers).isSampled());
      assertFalse(childOf(sampleNone, headers).isSampled());
    }
  }
}
