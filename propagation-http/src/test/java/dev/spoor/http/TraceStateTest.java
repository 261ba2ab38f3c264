package dev.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.internal.SpanContextBuilder;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * W3C Trace Context Level 2 tracestate rules (§3.3): the key grammar, the limits, repeated keys and
 * the §3.3.1.5 truncation; our own cases, after the rules the W3C test suite checks.
 */
class TraceStateTest {
  private static final String TRACE_PARENT =
      "00-12345678901234567890123456789012-1234567890123456-00";

  private final W3cTraceContextCodec codec = new W3cTraceContextCodec();

  private String traceStateOf(Headers headers) {
    SpoorSpanContext context = codec.extract(headers);
    assertEquals("12345678901234567890123456789012", context.toTraceId(),
        "a bad tracestate must not affect traceparent");
    return context.traceState();
  }

  private String traceStateOf(String... traceStates) {
    Headers headers = Headers.of("traceparent", TRACE_PARENT);
    for (String traceState : traceStates) {
      headers.add("tracestate", traceState);
    }
    return traceStateOf(headers);
  }

  @Test
  void carriesTraceStateThroughUnchanged() {
    assertEquals("foo=1,bar=2", traceStateOf("foo=1,bar=2"));
    assertEquals("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE",
        traceStateOf("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"TraceState", "TrAcEsTaTe", "TRACESTATE"})
  void matchesTheHeaderNameInAnyCase(String name) {
    assertEquals("foo=1", traceStateOf(Headers.of("traceparent", TRACE_PARENT, name, "foo=1")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"trace-state", "trace.state"})
  void ignoresWrongHeaderNames(String name) {
    assertNull(traceStateOf(Headers.of("traceparent", TRACE_PARENT, name, "foo=1")));
  }

  @Test
  void combinesRepeatedHeadersInOrder() {
    assertEquals("foo=1,bar=2,rojo=1,congo=2,baz=3",
        traceStateOf("foo=1,bar=2", "rojo=1,congo=2", "baz=3"));
  }

  @Test
  void dropsEmptyMembersAndHeaders() {
    assertNull(traceStateOf(""));
    assertEquals("foo=1", traceStateOf("foo=1", ""));
    assertEquals("foo=1", traceStateOf("", "foo=1"));
    assertEquals("foo=1,bar=2", traceStateOf(" , foo=1,,\t, bar=2 ,"));
  }

  @Test
  void dropsOptionalWhitespaceButKeepsSpacesInsideValues() {
    assertEquals("foo=1,bar=2,baz=3", traceStateOf("foo=1 \t , \t bar=2, \t baz=3"));
    assertEquals("foo=1,bar=2,baz=3", traceStateOf("foo=1\t \t,\t \tbar=2,\t \tbaz=3"));
    assertEquals("foo=1", traceStateOf("\t foo=1 \t"));
    assertEquals("foo= 1", traceStateOf("foo= 1"));
  }

  @Test
  void acceptsEveryAllowedCharacter() {
    StringBuilder key = new StringBuilder();
    for (char c = 'a'; c <= 'z'; c++) {
      key.append(c);
    }
    key.append("0123456789_-*/");
    StringBuilder value = new StringBuilder();
    for (char c = 0x20; c <= 0x7e; c++) {
      if (c != ',' && c != '=') {
        value.append(c);
      }
    }
    assertEquals(key + "=" + value, traceStateOf(key + "=" + value));
    String tenantKey = key + "@a-z0-9_-*/";
    assertEquals(tenantKey + "=" + value, traceStateOf(tenantKey + "=" + value));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "foo =1", "FOO=1", "fOO=1", "foo.bar=1", "_foo=1", "*foo=1", "/foo=1", "=1", // illegal keys
      "@foo=1,bar=2", "bar=2,@=1", "bar=2, @vendor=1", // a key starting with '@'
      "foo=bar=baz", "foo=,bar=3", "foo", "bar=2,foo", "foo=1\u00e9", "foo=a\u0000b", // values
      "foo=a\tb", "foo=a\u007fb"})
  void discardsAnInvalidTraceState(String value) {
    assertNull(traceStateOf(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "foo@=1,bar=2", "foo@@bar=1,bar=2", "foo@bar@baz=1,bar=2", "a@b@c@=1", "1abc=1",
      "0@x=1", "t@vvvvvvvvvvvvvvv=1", "tenant@1system=1", "k-_*/@9=v"})
  void carriesKeysOfTheLevel2Grammar(String value) {
    assertEquals(value, traceStateOf(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo=1,foo=1", "foo=1,foo=2", "foo=1, foo=1 ,foo=2"})
  void carriesAListWithARepeatedKeyKeepingItsFirstEntry(String value) {
    assertEquals("foo=1", traceStateOf(value));
  }

  @Test
  void dropsOnlyTheLaterEntriesOfARepeatedKey() {
    assertEquals("foo=1,bar=2,baz=4", traceStateOf("foo=1,bar=2,foo=3,baz=4"));
    assertEquals("a@x=1,a=2", traceStateOf("a@x=1,a=2,a@x=3"));
  }

  @Test
  void carriesAKeyRepeatedAcrossHeadersKeepingItsFirstEntry() {
    assertEquals("foo=1", traceStateOf("foo=1", "foo=1"));
    assertEquals("foo=1", traceStateOf("foo=1", "foo=2"));
    assertEquals("foo=1,bar=2", traceStateOf("foo=1,bar=2", "bar=3,foo=4"));
  }

  @Test
  void keeps32MembersAndDiscards33() {
    assertEquals(32, traceStateOf(members(32)).split(",").length);
    assertNull(traceStateOf(members(33)));
  }

  @Test
  void acceptsKeysOf256CharactersAndDiscardsTheListFor257() {
    String key256 = "z".repeat(256);
    assertEquals("foo=1," + key256 + "=1", traceStateOf("foo=1", key256 + "=1"));
    assertNull(traceStateOf("foo=1", "z".repeat(257) + "=1"));
    // With '@' inside: Level 2 counts the whole key, whatever its parts.
    String tenantKey = "t".repeat(241) + "@" + "v".repeat(14);
    assertEquals("foo=1," + tenantKey + "=1", traceStateOf("foo=1", tenantKey + "=1"));
    String longTenant = "t".repeat(242) + "@v";
    assertEquals("foo=1," + longTenant + "=1", traceStateOf("foo=1", longTenant + "=1"));
    String at255 = "a@" + "b".repeat(254);
    assertEquals(256, at255.length());
    assertEquals(at255 + "=1", traceStateOf(at255 + "=1"));
    assertNull(traceStateOf("foo=1", at255 + "b=1"));
  }

  @Test
  void acceptsValuesOf256CharactersWithLeadingSpacesAndDiscardsTheListFor257() {
    String value256 = " " + "x".repeat(255);
    assertEquals("foo=" + value256, traceStateOf("foo=" + value256));
    assertNull(traceStateOf("foo=" + value256 + "x"));
  }

  @Test
  void countsARepeatedKeyTowardsThe32Members() {
    assertNull(traceStateOf(members(32) + ",bar01=again"));
  }

  @Test
  void truncatesTo512CharactersRemovingLongEntriesFirstThenFromTheEnd() {
    String longMember = "long=" + "x".repeat(200);
    String middle = "mid=" + "m".repeat(120);
    String last = "last=" + "y".repeat(120);
    // 170 + 205 + 124 + 125 characters and 3 commas exceed 512; without the one member longer
    // than 128, 421 fit.
    assertEquals(members(20) + "," + middle + "," + last,
        traceStateOf(members(20) + "," + longMember + "," + middle + "," + last));

    String many = members(5) + ",a=" + "a".repeat(120) + ",b=" + "b".repeat(120) + ",c="
        + "c".repeat(120) + ",d=" + "d".repeat(120);
    String truncated = traceStateOf(many);
    assertTrue(truncated.length() <= 512, truncated);
    assertEquals(members(5) + ",a=" + "a".repeat(120) + ",b=" + "b".repeat(120) + ",c="
        + "c".repeat(120), truncated);
  }

  @Test
  void ignoresTraceStateWithoutTraceParent() {
    assertNull(codec.extract(Headers.of("tracestate", "foo=1")));
  }

  @Test
  void passesTraceStateToChildSpansAndDownstream() {
    try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation("w3c").build()) {
      Map<String, String> incoming = new HashMap<>();
      incoming.put("traceparent", TRACE_PARENT);
      incoming.put("tracestate", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
      SpanContext parent = tracer.extract(Format.Builtin.HTTP_HEADERS,
          new TextMapAdapter(incoming));
      Span span = tracer.buildSpan("work").asChildOf(parent).start();
      Span child = tracer.buildSpan("child").asChildOf(span).start();
      Map<String, String> outgoing = new HashMap<>();
      tracer.inject(child.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(outgoing));
      assertEquals("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7", outgoing.get("tracestate"));
      assertTrue(outgoing.get("traceparent")
          .startsWith("00-12345678901234567890123456789012-" + child.context().toSpanId()));
      assertTrue(child instanceof FinishedSpan);
      child.finish();
      span.finish();
    }
  }

  @Test
  void neverWritesATraceStateWithLineBreaks() {
    SpoorSpanContext context = new SpanContextBuilder().traceIdHigh(1L).traceIdLow(2L).spanId(3L)
        .sampled(true).traceState("foo=1\r\nX-Evil: yes").build();
    Map<String, String> headers = new HashMap<>();
    codec.inject(context, headers::put);
    assertNull(headers.get("tracestate"));
    assertTrue(headers.containsKey("traceparent"));
  }

  private static String members(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      if (i > 1) {
        out.append(',');
      }
      out.append("bar").append(i < 10 ? "0" : "").append(i).append('=').append(i);
    }
    return out.toString();
  }
}
