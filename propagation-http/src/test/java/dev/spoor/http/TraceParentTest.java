package dev.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.propagation.MalformedContextException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The traceparent cases of the W3C Trace Context test suite (w3c/trace-context test/test.py). */
class TraceParentTest {
  private static final String TRACE_ID = "12345678901234567890123456789012";
  private static final String VALID = "00-" + TRACE_ID + "-1234567890123456-01";

  private final W3cTraceContextCodec codec = new W3cTraceContextCodec();

  @Test
  void extractsTraceIdParentIdAndSampledFlag() {
    SpoorSpanContext context = codec.extract(Headers.of("traceparent", VALID));
    assertEquals(TRACE_ID, context.toTraceId());
    assertEquals("1234567890123456", context.toSpanId());
    assertTrue(context.isSampled());
    assertFalse(context.isDebug());
    assertFalse(context.isSamplingDeferred());
  }

  @Test
  void readsFlagsZeroAsNotSampled() {
    SpoorSpanContext context = codec.extract(
        Headers.of("traceparent", "00-" + TRACE_ID + "-1234567890123456-00"));
    assertFalse(context.isSampled());
  }

  @ParameterizedTest
  @ValueSource(strings = {"09", "ff", "03"})
  void readsOnlyTheSampledBitOfTheFlags(String flags) {
    SpoorSpanContext context = codec.extract(
        Headers.of("traceparent", "00-" + TRACE_ID + "-1234567890123456-" + flags));
    assertTrue(context.isSampled());
    assertFalse(context.isDebug());
  }

  @ParameterizedTest
  @ValueSource(strings = {"traceparent", "TraceParent", "TrAcEpArEnT", "TRACEPARENT"})
  void matchesTheHeaderNameInAnyCase(String name) {
    assertEquals(TRACE_ID, codec.extract(Headers.of(name, VALID)).toTraceId());
  }

  @ParameterizedTest
  @ValueSource(strings = {" " + VALID, "\t" + VALID, VALID + " ", VALID + "\t", "\t " + VALID + " \t"})
  void ignoresOptionalWhitespaceAroundTheValue(String value) {
    assertEquals(TRACE_ID, codec.extract(Headers.of("traceparent", value)).toTraceId());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "cc-" + TRACE_ID + "-1234567890123456-01",
      "cc-" + TRACE_ID + "-1234567890123456-01-what-the-future-will-be-like"})
  void readsAFutureVersionThatStartsLikeVersion00(String value) {
    SpoorSpanContext context = codec.extract(Headers.of("traceparent", value));
    assertEquals(TRACE_ID, context.toTraceId());
    assertTrue(context.isSampled());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // version 00 with trailing characters
      "00-" + TRACE_ID + "-1234567890123456-01.",
      "00-" + TRACE_ID + "-1234567890123456-01-what-the-future-will-be-like",
      // future version whose flags are not followed by '-'
      "cc-" + TRACE_ID + "-1234567890123456-01.what-the-future-will-be-like",
      "cc-" + TRACE_ID + "-1234567890123456-0",
      // version ff, illegal, too long, too short, upper case
      "ff-" + TRACE_ID + "-1234567890123456-01",
      ".0-" + TRACE_ID + "-1234567890123456-01",
      "0.-" + TRACE_ID + "-1234567890123456-01",
      "000-" + TRACE_ID + "-1234567890123456-01",
      "0000-" + TRACE_ID + "-1234567890123456-01",
      "0-" + TRACE_ID + "-1234567890123456-01",
      "0A-" + TRACE_ID + "-1234567890123456-01",
      // trace-id all zero, illegal, too long, too short, upper case
      "00-00000000000000000000000000000000-1234567890123456-01",
      "00-.2345678901234567890123456789012-1234567890123456-01",
      "00-1234567890123456789012345678901.-1234567890123456-01",
      "00-123456789012345678901234567890123-1234567890123456-01",
      "00-1234567890123456789012345678901-1234567890123456-01",
      "00-4BF92F3577B34DA6A3CE929D0E0E4736-1234567890123456-01",
      // parent-id all zero, illegal, too long, too short, upper case
      "00-" + TRACE_ID + "-0000000000000000-01",
      "00-" + TRACE_ID + "-.234567890123456-01",
      "00-" + TRACE_ID + "-123456789012345.-01",
      "00-" + TRACE_ID + "-12345678901234567-01",
      "00-" + TRACE_ID + "-123456789012345-01",
      "00-" + TRACE_ID + "-00F067AA0BA902B7-01",
      // trace-flags illegal, too long, too short, upper case
      "00-" + TRACE_ID + "-1234567890123456-.0",
      "00-" + TRACE_ID + "-1234567890123456-0.",
      "00-" + TRACE_ID + "-1234567890123456-001",
      "00-" + TRACE_ID + "-1234567890123456-1",
      "00-" + TRACE_ID + "-1234567890123456-0F",
      // wrong separators, empty, garbage
      "00_" + TRACE_ID + "_1234567890123456_01",
      "",
      "-",
      "00-" + TRACE_ID + "-1234567890123456-01," + VALID})
  void refusesEveryInvalidForm(String value) {
    assertThrows(MalformedContextException.class,
        () -> codec.extract(Headers.of("traceparent", value)));
  }

  @Test
  void refusesATraceparentSentTwice() {
    assertThrows(MalformedContextException.class, () -> codec.extract(Headers.of(
        "traceparent", "00-12345678901234567890123456789011-1234567890123456-01",
        "traceparent", VALID)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"trace-parent", "trace.parent"})
  void ignoresWrongHeaderNames(String name) {
    assertNull(codec.extract(Headers.of(name, VALID)));
  }

  @Test
  void returnsNullWithoutW3cHeaders() {
    assertNull(codec.extract(Headers.of("uber-trace-id", "1:2:0:1")));
  }

  @Test
  void writesVersion00WithA128BitTraceId() {
    SpoorSpanContext context = new SpanContextBuilder().traceIdHigh(0x4bf92f3577b34da6L)
        .traceIdLow(0xa3ce929d0e0e4736L).spanId(0x00f067aa0ba902b7L).parentId(7L).sampled(true)
        .build();
    assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        inject(context).get("traceparent"));
  }

  @Test
  void leftPadsA64BitTraceIdTo32HexDigits() {
    SpoorSpanContext context = new SpanContextBuilder().traceIdLow(0xa3ce929d0e0e4736L).spanId(1L)
        .sampled(false).build();
    assertEquals("00-0000000000000000a3ce929d0e0e4736-0000000000000001-00",
        inject(context).get("traceparent"));
    SpoorSpanContext back = codec.extract(Headers.of("traceparent",
        inject(context).get("traceparent")));
    assertEquals(0L, back.traceIdHigh());
    assertEquals(context.traceIdLow(), back.traceIdLow());
    // Read back as 32 digits, the id keeps that width from here on.
    assertEquals("0000000000000000a3ce929d0e0e4736", back.toTraceId());
  }

  @Test
  void writesADebugContextAsSampled() {
    SpoorSpanContext context = new SpanContextBuilder().traceIdHigh(1L).traceIdLow(2L).spanId(3L)
        .sampled(true).debug(true).build();
    assertTrue(inject(context).get("traceparent").endsWith("-01"));
  }

  @Test
  void writesNothingForAPartialContext() {
    assertTrue(inject(new SpanContextBuilder().debugId("debug-id").build()).isEmpty());
  }

  private Map<String, String> inject(SpoorSpanContext context) {
    Map<String, String> headers = new LinkedHashMap<>();
    codec.inject(context, headers::put);
    return headers;
  }
}
