package dev.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import dev.spoor.internal.HeaderSafety;
import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.propagation.MalformedContextException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** B3 multi-header and single-header propagation (openzipkin/b3-propagation). */
class B3CodecTest {
  private static final String TRACE_128 = "463ac35c9f6413ad48485a3953bb6124";
  private static final String TRACE_64 = "48485a3953bb6124";
  private static final String SPAN = "a2fb4a1d1a96d312";
  private static final String PARENT = "0020000000000001";

  private final B3MultiCodec multi = new B3MultiCodec();
  private final B3SingleCodec single = new B3SingleCodec();

  @ParameterizedTest
  @ValueSource(strings = {TRACE_128, TRACE_64})
  void readsMultiHeadersWithParentAndSampled(String traceId) {
    SpoorSpanContext context = multi.extract(Headers.of(
        "X-B3-TraceId", traceId, "X-B3-SpanId", SPAN, "X-B3-ParentSpanId", PARENT,
        "X-B3-Sampled", "1"));
    assertEquals(traceId, context.toTraceId());
    assertEquals(SPAN, context.toSpanId());
    assertEquals(0x0020000000000001L, context.parentId());
    assertTrue(context.isSampled());
    assertFalse(context.isDebug());
    assertFalse(context.isSamplingDeferred());
  }

  @Test
  void readsA64BitTraceIdAsHighZero() {
    SpoorSpanContext context = multi.extract(Headers.of(
        "x-b3-traceid", TRACE_64, "x-b3-spanid", SPAN));
    assertEquals(0L, context.traceIdHigh());
    assertEquals(0x48485a3953bb6124L, context.traceIdLow());
  }

  @Test
  void defersTheDecisionWhenSampledIsAbsent() {
    SpoorSpanContext context = multi.extract(Headers.of(
        "X-B3-TraceId", TRACE_128, "X-B3-SpanId", SPAN));
    assertTrue(context.isSamplingDeferred());
    assertFalse(context.isSampled());
    assertEquals(0L, context.parentId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "True", "TRUE"})
  void readsSampledLeniently(String sampled) {
    assertTrue(multi.extract(Headers.of("X-B3-TraceId", TRACE_128, "X-B3-SpanId", SPAN,
        "X-B3-Sampled", sampled)).isSampled());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "false", "False"})
  void readsNotSampledLeniently(String sampled) {
    SpoorSpanContext context = multi.extract(Headers.of("X-B3-TraceId", TRACE_128,
        "X-B3-SpanId", SPAN, "X-B3-Sampled", sampled));
    assertFalse(context.isSampled());
    assertFalse(context.isSamplingDeferred());
  }

  @Test
  void readsFlagsOneAsDebugAndSampled() {
    SpoorSpanContext context = multi.extract(Headers.of("X-B3-TraceId", TRACE_128,
        "X-B3-SpanId", SPAN, "X-B3-Flags", "1", "X-B3-Sampled", "0"));
    assertTrue(context.isDebug());
    assertTrue(context.isSampled());
    assertFalse(context.isSamplingDeferred());
  }

  @Test
  void writesMultiHeaders() {
    SpoorSpanContext context = new SpanContextBuilder().traceIdHigh(0x463ac35c9f6413adL)
        .traceIdLow(0x48485a3953bb6124L).spanId(0xa2fb4a1d1a96d312L).parentId(0x0020000000000001L)
        .sampled(true).build();
    Map<String, String> headers = injectMulti(context);
    assertEquals(TRACE_128, headers.get("X-B3-TraceId"));
    assertEquals(SPAN, headers.get("X-B3-SpanId"));
    assertEquals(PARENT, headers.get("X-B3-ParentSpanId"));
    assertEquals("1", headers.get("X-B3-Sampled"));
    assertNull(headers.get("X-B3-Flags"));
  }

  @Test
  void writesA64BitRootAsSixteenDigitsWithoutParent() {
    Map<String, String> headers = injectMulti(
        new SpanContextBuilder().traceIdLow(0x48485a3953bb6124L).spanId(5L).sampled(false).build());
    assertEquals(TRACE_64, headers.get("X-B3-TraceId"));
    assertEquals("0", headers.get("X-B3-Sampled"));
    assertFalse(headers.containsKey("X-B3-ParentSpanId"));
  }

  @Test
  void writesDebugAsFlagsOnly() {
    Map<String, String> headers = injectMulti(new SpanContextBuilder().traceIdHigh(1L)
        .traceIdLow(2L).spanId(3L).sampled(true).debug(true).build());
    assertEquals("1", headers.get("X-B3-Flags"));
    assertFalse(headers.containsKey("X-B3-Sampled"));
  }

  @Test
  void writesNoDecisionForADeferredContext() {
    Map<String, String> headers = injectMulti(
        new SpanContextBuilder().traceIdHigh(1L).traceIdLow(2L).spanId(3L).build());
    assertFalse(headers.containsKey("X-B3-Sampled"));
    assertEquals("00000000000000010000000000000002-0000000000000003", injectSingle(
        new SpanContextBuilder().traceIdHigh(1L).traceIdLow(2L).spanId(3L).parentId(4L).build()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      TRACE_128 + "-" + SPAN + "-1-" + PARENT,
      TRACE_128 + "-" + SPAN + "-1",
      TRACE_64 + "-" + SPAN + "-1-" + PARENT,
      TRACE_64 + "-" + SPAN + "-1"})
  void readsTheSingleHeader(String value) {
    SpoorSpanContext context = single.extract(Headers.of("b3", value));
    assertEquals(value.substring(0, value.indexOf('-')), context.toTraceId());
    assertEquals(SPAN, context.toSpanId());
    assertTrue(context.isSampled());
    assertEquals(value.endsWith(PARENT) ? 0x0020000000000001L : 0L, context.parentId());
  }

  @Test
  void readsTheSingleHeaderSamplingStates() {
    SpoorSpanContext deferred = single.extract(Headers.of("B3", TRACE_128 + "-" + SPAN));
    assertTrue(deferred.isSamplingDeferred());
    SpoorSpanContext denied = single.extract(Headers.of("b3", TRACE_128 + "-" + SPAN + "-0"));
    assertFalse(denied.isSampled());
    assertFalse(denied.isSamplingDeferred());
    SpoorSpanContext debug = single.extract(Headers.of("b3", TRACE_128 + "-" + SPAN + "-d"));
    assertTrue(debug.isDebug());
    assertTrue(debug.isSampled());
  }

  @Test
  void writesTheSingleHeader() {
    assertEquals(TRACE_128 + "-" + SPAN + "-1-" + PARENT, injectSingle(new SpanContextBuilder()
        .traceIdHigh(0x463ac35c9f6413adL).traceIdLow(0x48485a3953bb6124L)
        .spanId(0xa2fb4a1d1a96d312L).parentId(0x0020000000000001L).sampled(true).build()));
    assertEquals(TRACE_64 + "-" + SPAN + "-0", injectSingle(new SpanContextBuilder()
        .traceIdLow(0x48485a3953bb6124L).spanId(0xa2fb4a1d1a96d312L).sampled(false).build()));
    assertEquals(TRACE_64 + "-" + SPAN + "-d", injectSingle(new SpanContextBuilder()
        .traceIdLow(0x48485a3953bb6124L).spanId(0xa2fb4a1d1a96d312L)
        .sampled(true).debug(true).build()));
  }

  @Test
  void bothCodecsReadBothFormsPreferringTheSingleHeader() {
    Headers headers = Headers.of("b3", TRACE_64 + "-" + SPAN + "-1",
        "X-B3-TraceId", TRACE_128, "X-B3-SpanId", SPAN);
    assertEquals(TRACE_64, multi.extract(headers).toTraceId());
    assertEquals(TRACE_64, single.extract(headers).toTraceId());
    Headers multiOnly = Headers.of("X-B3-TraceId", TRACE_128, "X-B3-SpanId", SPAN);
    assertEquals(TRACE_128, single.extract(multiOnly).toTraceId());
  }

  @Test
  void fallsBackToMultiHeadersWhenTheSingleHeaderIsMalformed() {
    Headers headers = Headers.of("b3", "garbage", "X-B3-TraceId", TRACE_128, "X-B3-SpanId", SPAN);
    assertEquals(TRACE_128, multi.extract(headers).toTraceId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "d"})
  void readsALoneSingleHeaderStateAsADecisionWithoutATrace(String state) {
    SpoorSpanContext decision = single.extract(Headers.of("b3", state));
    assertFalse(decision.hasTrace());
    assertFalse(decision.isSamplingDeferred());
    assertEquals(!"0".equals(state), decision.isSampled());
    assertEquals("d".equals(state), decision.isDebug());
  }

  @Test
  void readsLoneMultiHeaderFlagsAsADecisionWithoutATrace() {
    SpoorSpanContext sampled = multi.extract(Headers.of("X-B3-Sampled", "1"));
    assertFalse(sampled.hasTrace());
    assertTrue(sampled.isSampled());
    SpoorSpanContext notSampled = multi.extract(Headers.of("X-B3-Sampled", "0"));
    assertFalse(notSampled.isSampled());
    assertFalse(notSampled.isSamplingDeferred());
    assertTrue(multi.extract(Headers.of("X-B3-Flags", "1")).isDebug());
    assertNull(multi.extract(Headers.of("X-B3-Flags", "0")), "no decision at all");
    assertThrows(MalformedContextException.class,
        () -> multi.extract(Headers.of("X-B3-Sampled", "maybe")));
  }

  @Test
  void preferIdsInMultiHeadersToALoneSingleHeaderState() {
    SpoorSpanContext context = single.extract(
        Headers.of("b3", "0", "X-B3-TraceId", TRACE_128, "X-B3-SpanId", SPAN));
    assertEquals(TRACE_128, context.toTraceId());
  }

  @Test
  void keepsB3BaggageNextToADecisionWithoutIds() {
    SpoorSpanContext context = single.extract(Headers.of("b3", "1", "baggage-user", "alice"));
    assertTrue(context.isSampled());
    assertEquals("alice", context.getBaggageItem("user"));
  }

  @Test
  void returnsNullWithoutB3Headers() {
    assertNull(multi.extract(Headers.of("traceparent", "x", "b", "y")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "x", "2", TRACE_128, TRACE_128 + "-", TRACE_128 + "-" + SPAN + "-",
      TRACE_128 + "-" + SPAN + "-2", TRACE_128 + "-" + SPAN + "-1-", TRACE_128 + "-" + SPAN
          + "-1-" + PARENT + "-", TRACE_128 + "-" + SPAN + "-" + PARENT,
      "463AC35C9F6413AD48485A3953BB6124-" + SPAN, "0000000000000000-" + SPAN,
      TRACE_64 + "-0000000000000000", "48485a3953bb612-" + SPAN, TRACE_64 + "-a2fb4a1d1a96d31",
      TRACE_64 + "-" + SPAN + "-1-002000000000000g", TRACE_64 + "-" + SPAN + "\r\n-1"})
  void refusesMalformedSingleHeaders(String value) {
    assertThrows(MalformedContextException.class,
        () -> single.extract(Headers.of("b3", value)));
  }

  @Test
  void refusesMalformedMultiHeaders() {
    assertMalformed("X-B3-TraceId", TRACE_128);
    assertMalformed("X-B3-SpanId", SPAN);
    assertMalformed("X-B3-TraceId", "463ac35c9f6413ad48485a3953bb612", "X-B3-SpanId", SPAN);
    assertMalformed("X-B3-TraceId", TRACE_128.toUpperCase(), "X-B3-SpanId", SPAN);
    assertMalformed("X-B3-TraceId", "00000000000000000000000000000000", "X-B3-SpanId", SPAN);
    assertMalformed("X-B3-TraceId", TRACE_128, "X-B3-SpanId", "0000000000000000");
    assertMalformed("X-B3-TraceId", TRACE_128, "X-B3-SpanId", SPAN, "X-B3-ParentSpanId", "12");
    assertMalformed("X-B3-TraceId", TRACE_128, "X-B3-SpanId", SPAN, "X-B3-Sampled", "yes");
    assertMalformed("X-B3-TraceId", TRACE_128, "X-B3-SpanId", SPAN, "X-B3-TraceId", TRACE_64);
  }

  @Test
  void carriesBaggageAsPrefixedHeadersLikeJaegerClient() {
    Map<String, String> baggage = new TreeMap<>();
    baggage.put("user", "alice");
    baggage.put("awkward", "100% gr\u00fc\u00dfe\r\nX-Evil: 1");
    SpoorSpanContext context = new SpanContextBuilder().traceIdLow(1L).spanId(2L).sampled(true)
        .baggage(baggage).build();
    for (dev.spoor.propagation.TextMapCodec codec : new dev.spoor.propagation.TextMapCodec[] {
        multi, single}) {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      codec.inject(context, headers::put);
      assertEquals("alice", headers.get("baggage-user"));
      assertTrue(HeaderSafety.isVisibleAscii(headers.get("baggage-awkward")));
      Headers received = new Headers();
      headers.forEach(received::add);
      assertEquals(baggage, codec.extract(received).baggage());
    }
  }

  @Test
  void readsJaegerClientsRawBaggageValues() {
    SpoorSpanContext context = multi.extract(Headers.of("X-B3-TraceId", TRACE_64,
        "X-B3-SpanId", SPAN, "Baggage-User", "alice smith", "baggage-ratio", "50%"));
    assertEquals("alice smith", context.getBaggageItem("user"));
    assertEquals("50%", context.getBaggageItem("ratio"));
  }

  @Test
  void carriesBaggageWithoutIdsAsAPartialContext() {
    SpoorSpanContext context = single.extract(Headers.of("baggage-user", "alice"));
    assertFalse(context.hasTrace());
    assertEquals("alice", context.getBaggageItem("user"));
  }

  @Test
  void carriesMoreDistinctBaggageKeysThanItRemembersHeaderNamesFor() {
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 2 * B3BaggageNames.MAX_NAMES; i += 40) {
        Map<String, String> baggage = new TreeMap<>();
        for (int j = i; j < i + 40; j++) {
          baggage.put("key-" + j, "value-" + j);
        }
        SpoorSpanContext context = new SpanContextBuilder().traceIdLow(1L).spanId(2L).sampled(true)
            .baggage(baggage).build();
        Map<String, String> headers = injectMulti(context);
        assertEquals("value-" + i, headers.get("baggage-key-" + i));
        Headers received = new Headers();
        headers.forEach((name, value) -> received.add(name.toUpperCase(Locale.ROOT), value));
        assertEquals(baggage, multi.extract(received).baggage());
      }
    }
  }

  @Test
  void stillLeavesOutKeysThatCannotBeHeaderNamesNextToRememberedOnes() {
    Map<String, String> baggage = new TreeMap<>();
    baggage.put("user", "alice");
    baggage.put("bad key", "x");
    SpoorSpanContext context = new SpanContextBuilder().traceIdLow(1L).spanId(2L).sampled(true)
        .baggage(baggage).build();
    for (int i = 0; i < 2; i++) {
      Map<String, String> headers = injectMulti(context);
      assertEquals("alice", headers.get("baggage-user"));
      assertNull(headers.get("baggage-bad key"));
    }
  }

  private void assertMalformed(String... headers) {
    assertThrows(MalformedContextException.class, () -> multi.extract(Headers.of(headers)));
  }

  private Map<String, String> injectMulti(SpoorSpanContext context) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    multi.inject(context, headers::put);
    return headers;
  }

  private String injectSingle(SpoorSpanContext context) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    single.inject(context, headers::put);
    assertEquals(1, headers.size());
    return headers.get("b3");
  }
}
