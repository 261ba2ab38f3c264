package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.internal.SpanContextBuilder;
import io.opentracing.Span;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpanContextTest {

  @Test
  void printsA128BitTraceIdAs32LowerCaseHexDigits() {
    SpoorSpanContext context = new SpanContextBuilder().traceIdHigh(0x0123456789ABCDEFL)
        .traceIdLow(0xFEDCBA9876543210L).spanId(0xAL).sampled(true).build();
    assertEquals("0123456789abcdeffedcba9876543210", context.toTraceId());
    assertEquals("000000000000000a", context.toSpanId());
    assertTrue(context.isTraceId128Bit());
  }

  @Test
  void printsA64BitTraceIdAs16PaddedHexDigits() {
    SpoorSpanContext context = new SpanContextBuilder().traceIdLow(0xABCL).spanId(0x1L)
        .parentId(0x2L).sampled(false).build();
    assertEquals("0000000000000abc", context.toTraceId());
    assertEquals("0000000000000001", context.toSpanId());
    assertFalse(context.isTraceId128Bit());
  }

  @Test
  void aTraceIdThatArrivedAs32DigitsWithAZeroUpperHalfStays32DigitsWide() {
    try (SpoorTracer tracer = SpoorTracer.builder("svc").traceId128Bit(false).build()) {
      Map<String, String> headers = new HashMap<>();
      headers.put("uber-trace-id", "00000000000000000000000000000abc:1:0:1");
      SpoorSpanContext extracted = (SpoorSpanContext)
          tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      assertEquals("00000000000000000000000000000abc", extracted.toTraceId());
      Span child = tracer.buildSpan("child").asChildOf(extracted).start();
      assertEquals("00000000000000000000000000000abc", child.context().toTraceId());
    }
  }

  @Test
  void toStringIsJaegersTraceSpanParentFlagsForm() {
    SpoorSpanContext context = new SpanContextBuilder().traceIdLow(0xABCL).spanId(0xDEFL)
        .parentId(0x12L).sampled(true).debug(true).build();
    assertEquals("0000000000000abc:0000000000000def:12:3", context.toString());
  }

  @Test
  void readsTheSampledAndDebugFlags() {
    SpoorSpanContext none = new SpanContextBuilder().traceIdLow(1L).spanId(1L).sampled(false)
        .build();
    SpoorSpanContext sampled = none.withFlags(SpoorSpanContext.FLAG_SAMPLED);
    SpoorSpanContext debug = none.withFlags(
        (byte) (SpoorSpanContext.FLAG_SAMPLED | SpoorSpanContext.FLAG_DEBUG));
    assertFalse(none.isSampled());
    assertFalse(none.isDebug());
    assertTrue(sampled.isSampled());
    assertFalse(sampled.isDebug());
    assertTrue(debug.isSampled());
    assertTrue(debug.isDebug());
  }

  @Test
  void copiesTheBaggageAndKeepsItUnmodifiable() {
    Map<String, String> baggage = new HashMap<>();
    baggage.put("user", "alice");
    SpoorSpanContext context = new SpanContextBuilder().traceIdLow(1L).spanId(1L).sampled(true)
        .baggage(baggage).build();
    baggage.put("user", "bob");
    assertEquals("alice", context.getBaggageItem("user"));
    assertThrows(UnsupportedOperationException.class, () -> context.baggage().put("x", "y"));
    Map<String, String> items = new HashMap<>();
    context.baggageItems().forEach(e -> items.put(e.getKey(), e.getValue()));
    assertEquals(Map.of("user", "alice"), items);
  }

  @Test
  void aPartialContextHasNoTraceButCarriesBaggageAndADebugId() {
    SpoorSpanContext partial = new SpanContextBuilder().baggage(Map.of("k", "v")).debugId("debug-1")
        .build();
    assertFalse(partial.hasTrace());
    assertEquals("debug-1", partial.debugId());
    assertEquals("v", partial.getBaggageItem("k"));
  }

  @Test
  void aRootStartedFromAPartialContextKeepsTheDecisionItCarries() {
    SpoorSpanContext doNotSample = new SpanContextBuilder().baggage(Map.of("k", "v")).build()
        .withSamplingDeferred(false).withFlags((byte) 0);
    SpoorSpanContext debug = new SpanContextBuilder().build().withSamplingDeferred(false)
        .withFlags(SpoorSpanContext.FLAG_DEBUG);
    try (SpoorTracer tracer = SpoorTracer.builder("svc").build()) {
      SpoorSpanContext root =
          (SpoorSpanContext) tracer.buildSpan("op").asChildOf(doNotSample).start().context();
      assertTrue(root.hasTrace());
      assertFalse(root.isSampled());
      assertEquals("v", root.getBaggageItem("k"));
      SpoorSpanContext forced =
          (SpoorSpanContext) tracer.buildSpan("op").asChildOf(debug).start().context();
      assertTrue(forced.isSampled());
      assertTrue(forced.isDebug());
    }
  }

  @Test
  void aPartialContextLeavesSamplingToTheSamplerUnlessItCarriesADecision() {
    assertTrue(new SpanContextBuilder().baggage(Map.of("k", "v")).build().isSamplingDeferred());
    try (SpoorTracer tracer = SpoorTracer.builder("svc").build()) {
      assertTrue(((SpoorSpanContext) tracer.buildSpan("op")
          .asChildOf(new SpanContextBuilder().baggage(Map.of("k", "v")).build()).start().context())
          .isSampled());
    }
  }

  @Test
  void newIdsAreNeverZeroAndDoNotRepeat() {
    try (SpoorTracer tracer = SpoorTracer.builder("svc").build()) {
      Set<Long> spanIds = new HashSet<>();
      for (int i = 0; i < 20_000; i++) {
        SpoorSpanContext context = (SpoorSpanContext) tracer.buildSpan("op").start().context();
        assertNotEquals(0L, context.traceIdHigh());
        assertNotEquals(0L, context.traceIdLow());
        assertNotEquals(0L, context.spanId());
        assertTrue(spanIds.add(context.spanId()));
      }
    }
  }
}
