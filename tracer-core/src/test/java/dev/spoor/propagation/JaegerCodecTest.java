package dev.spoor.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.LogCapture;
import dev.spoor.FinishedSpan;
import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.metrics.Metric;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JaegerCodecTest {
  private final SpoorTracer tracer = SpoorTracer.builder("codec-test").propagation("jaeger").build();

  @AfterEach
  void closeTracer() {
    tracer.close();
  }

  private Map<String, String> inject(Span span) {
    Map<String, String> headers = new LinkedHashMap<>();
    tracer.inject(span.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
    return headers;
  }

  private SpoorSpanContext extract(Map<String, String> headers) {
    return (SpoorSpanContext) tracer.extract(
        Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
  }

  private static Map<String, String> header(String name, String value) {
    Map<String, String> headers = new HashMap<>();
    headers.put(name, value);
    return headers;
  }

  @Test
  void extractedBaggageIsUnmodifiableWithOrWithoutATraceHeader() {
    Span span = tracer.buildSpan("op").start();
    span.setBaggageItem("user", "alice");
    Map<String, String> headers = inject(span);
    SpoorSpanContext full = extract(headers);
    headers.remove(JaegerCodec.TRACE_ID_HEADER);
    SpoorSpanContext partial = extract(headers);
    for (SpoorSpanContext context : new SpoorSpanContext[] {full, partial}) {
      assertEquals(Map.of("user", "alice"), context.baggage());
      assertThrows(UnsupportedOperationException.class, () -> context.baggage().put("x", "y"));
    }
    assertTrue(full.hasTrace());
    assertFalse(partial.hasTrace());
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice", "A-z_0.9*", "", "a b", "a+b", "50%", "x=y&z", "ünï/cøde", "~'!"})
  void baggageValuesArePercentEncodedWithASpaceAsPercent20AndDecodedBack(String value) {
    Span span = tracer.buildSpan("op").start();
    span.setBaggageItem("item", value);
    Map<String, String> headers = inject(span);
    // URLEncoder's escapes, except that a space is %20: decodeURIComponent reads '+' as a plus.
    String expected = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    assertEquals(expected, headers.get("uberctx-item"));
    assertEquals(value, URLDecoder.decode(headers.get("uberctx-item"), StandardCharsets.UTF_8),
        "jaeger-client-java reads it back");
    assertEquals(value, extract(headers).getBaggageItem("item"));
  }

  @Test
  void readsThePercentDecodedJaegerBaggageHeaderWithPlusAsASpace() {
    Map<String, String> headers = header("uber-trace-id", "abc:def:0:1");
    headers.put("jaeger-baggage", "user=Zo%C3%AB+Doe, city = S%C3%A3o%20Paulo");
    SpoorSpanContext context = extract(headers);
    assertEquals("Zoë Doe", context.getBaggageItem("user"));
    assertEquals("São Paulo", context.getBaggageItem("city"));
  }

  @Test
  void dropsAJaegerBaggageHeaderWithABadEscapeAndKeepsTheTrace() {
    Map<String, String> headers = header("uber-trace-id", "abc:def:0:1");
    headers.put("jaeger-baggage", "user=alice,bad=%zz");
    headers.put("uberctx-tenant", "t1");
    SpoorSpanContext context = extract(headers);
    assertEquals(Map.of("tenant", "t1"), context.baggage());
    assertEquals(0xabcL, context.traceIdLow());
  }

  @Test
  void anInjectedContextIsExtractedWithTheSameIdsFlagsAndBaggage() {
    Span parent = tracer.buildSpan("parent").start();
    Span span = tracer.buildSpan("child").asChildOf(parent).start();
    span.setBaggageItem("user", "alice smith/ünïcode");
    span.setBaggageItem("tenant", "t-1");

    SpoorSpanContext sent = (SpoorSpanContext) span.context();
    SpoorSpanContext received = extract(inject(span));

    assertEquals(sent.traceIdHigh(), received.traceIdHigh());
    assertEquals(sent.traceIdLow(), received.traceIdLow());
    assertEquals(sent.spanId(), received.spanId());
    assertEquals(sent.parentId(), received.parentId());
    assertEquals(
        SpanContextBuilder.jaegerFlagsOf(sent), SpanContextBuilder.jaegerFlagsOf(received));
    assertEquals(sent.baggage(), received.baggage());
  }

  @Test
  void writesUberTraceIdAsTraceSpanParentFlagsInHex() {
    Map<String, String> headers = new HashMap<>();
    SpoorSpanContext context = new SpanContextBuilder().traceIdHigh(0x1L).traceIdLow(0x2L)
        .spanId(0xabL).parentId(0xcdL)
        .sampled(true).debug(true).baggage(Map.of("user", "a b&c=d")).build();
    tracer.inject(context, Format.Builtin.TEXT_MAP, new TextMapAdapter(headers));
    assertEquals("00000000000000010000000000000002:00000000000000ab:cd:3",
        headers.get("uber-trace-id"));
    assertEquals("a%20b%26c%3Dd", headers.get("uberctx-user"));
    assertEquals(2, headers.size());
  }

  @Test
  void extractsA64BitTraceId() {
    SpoorSpanContext context = extract(header("uber-trace-id", "abc:def:123:1"));
    assertEquals(0L, context.traceIdHigh());
    assertEquals(0xabcL, context.traceIdLow());
    assertEquals(0xdefL, context.spanId());
    assertEquals(0x123L, context.parentId());
    assertTrue(context.isSampled());
    assertFalse(context.isDebug());
    assertEquals("0000000000000abc", context.toTraceId());
  }

  @Test
  void extractsA128BitTraceId() {
    SpoorSpanContext context = extract(
        header("uber-trace-id", "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1"));
    assertEquals(0x4bf92f3577b34da6L, context.traceIdHigh());
    assertEquals(0xa3ce929d0e0e4736L, context.traceIdLow());
    assertEquals(0x00f067aa0ba902b7L, context.spanId());
    assertEquals(0L, context.parentId());
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", context.toTraceId());
  }

  @Test
  void extractsAnOddLengthHighHalf() {
    SpoorSpanContext context = extract(header("uber-trace-id", "1a3ce929d0e0e4736:1:0:0"));
    assertEquals(0x1L, context.traceIdHigh());
    assertEquals(0xa3ce929d0e0e4736L, context.traceIdLow());
    assertFalse(context.isSampled());
  }

  @Test
  void extractsAUrlEncodedUberTraceId() {
    SpoorSpanContext context = extract(header("uber-trace-id", "abc%3Adef%3A0%3A3"));
    assertEquals(0xabcL, context.traceIdLow());
    assertEquals(0xdefL, context.spanId());
    assertTrue(context.isDebug());
  }

  @Test
  void matchesHeaderNamesWhateverTheirCase() {
    Map<String, String> headers = new HashMap<>();
    headers.put("Uber-Trace-Id", "ABC:DEF:0:1");
    headers.put("UberCtx-User", "alice");
    SpoorSpanContext context = extract(headers);
    assertEquals(0xabcL, context.traceIdLow());
    assertEquals("alice", context.getBaggageItem("user"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "abc", "abc:def:0", "abc:def:0:1:1", "xyz:def:0:1", "0:def:0:1", "abc:0:0:1",
      "abc:xyz:0:1", "abc:def:xyz:1", "abc:def:0:", "abc:def:0:zz", "abc:def:0:123",
      ":def:0:1", "abc::0:1", "abc:def::1", "123456789012345678901234567890123:1:0:1",
      "abc:12345678901234567:0:1", "abc:def:12345678901234567:1", "g0000000000000000abc:1:0:1",
      "abc%3Adef%3A0%3", "abc%zz:def:0:1", "abc:def:0:1\r\nX-Evil: 1"})
  void aMalformedUberTraceIdYieldsNullAndIsCounted(String value) {
    long before = tracer.metrics().get(Metric.EXTRACT_ERRORS);
    assertNull(extract(header("uber-trace-id", value)));
    assertEquals(before + 1, tracer.metrics().get(Metric.EXTRACT_ERRORS));
    Span fresh = tracer.buildSpan("new-trace").asChildOf((io.opentracing.SpanContext) null).start();
    assertEquals(0L, ((SpoorSpanContext) fresh.context()).parentId());
  }

  @Test
  void aFloodOfMalformedHeadersLogsOneRateLimitedWarning() {
    try (LogCapture log = new LogCapture(SpoorTracer.class.getName())) {
      for (int i = 0; i < 1_000; i++) {
        assertNull(extract(header("uber-trace-id", "bad-" + i)));
      }
      assertEquals(1, log.messages().size(), log.messages().toString());
      assertTrue(log.messages().get(0).contains("bad-0"), log.messages().get(0));
      assertEquals(1_000, tracer.metrics().get(Metric.EXTRACT_ERRORS));
    }
  }

  @Test
  void aHugeUberTraceIdIsRejectedWithoutParsingIt() {
    String huge = "a".repeat(1_000_000) + ":1:0:1";
    assertNull(extract(header("uber-trace-id", huge)));
    assertEquals(1, tracer.metrics().get(Metric.EXTRACT_ERRORS));
  }

  @Test
  void aMalformedTraceHeaderWithBaggageStillYieldsNull() {
    Map<String, String> headers = header("uber-trace-id", "nonsense");
    headers.put("uberctx-user", "alice");
    assertNull(extract(headers));
  }

  @Test
  void noJaegerHeadersYieldNullWithoutCounting() {
    assertNull(extract(header("content-type", "text/plain")));
    assertEquals(0, tracer.metrics().get(Metric.EXTRACT_ERRORS));
  }

  @Test
  void readsUrlEncodedBaggageFromUberctxHeaders() {
    Map<String, String> headers = header("uber-trace-id", "abc:def:0:1");
    headers.put("uberctx-user", "alice%20smith%2F%C3%BC");
    headers.put("uberctx-plus", "a+b");
    SpoorSpanContext context = extract(headers);
    assertEquals("alice smith/ü", context.getBaggageItem("user"));
    assertEquals("a b", context.getBaggageItem("plus"));
  }

  @Test
  void baggageAloneStartsANewTraceThatCarriesIt() {
    Map<String, String> headers = header("uberctx-user", "alice");
    SpoorSpanContext partial = extract(headers);
    assertNotNull(partial);
    assertFalse(partial.hasTrace());
    Span span = tracer.buildSpan("op").asChildOf(partial).start();
    assertEquals("alice", span.getBaggageItem("user"));
    assertEquals(0L, ((SpoorSpanContext) span.context()).parentId());
  }

  @Test
  void readsAdHocBaggageFromTheJaegerBaggageHeader() {
    Map<String, String> headers = header("uber-trace-id", "abc:def:0:1");
    headers.put("jaeger-baggage", "user=alice, tenant = t1,broken,=novalue");
    SpoorSpanContext context = extract(headers);
    assertEquals("alice", context.getBaggageItem("user"));
    assertEquals("t1", context.getBaggageItem("tenant"));
    assertEquals(2, context.baggage().size());
  }

  @Test
  void aJaegerDebugIdAloneStartsASampledDebugTrace() {
    SpoorSpanContext partial = extract(header("jaeger-debug-id", "dbg-1"));
    assertEquals("dbg-1", partial.debugId());
    FinishedSpan span = (FinishedSpan) tracer.buildSpan("op").asChildOf(partial).start();
    assertTrue(span.context().isSampled());
    assertTrue(span.context().isDebug());
    assertEquals("dbg-1", span.tags().get("jaeger-debug-id"));
  }

  @Test
  void aJaegerDebugIdWithControlCharactersIsIgnored() {
    assertNull(extract(header("jaeger-debug-id", "dbg\r\n1")));
  }

  @Test
  void doesNotInjectBaggageWhoseKeyIsNotAHeaderToken() {
    SpoorSpanContext context = new SpanContextBuilder().traceIdLow(1L).spanId(1L).sampled(true)
        .baggage(Map.of("ok-key", "v", "bad key", "v", "bad\nkey", "v")).build();
    Map<String, String> headers = new HashMap<>();
    tracer.inject(context, Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
    assertEquals(Map.of("uber-trace-id", "0000000000000001:0000000000000001:0:1",
        "uberctx-ok-key", "v"), headers);
  }

  @Test
  void injectsAnUnsampledContextWithFlagsZero() {
    SpoorSpanContext context = new SpanContextBuilder().traceIdLow(0xaL).spanId(0xbL).sampled(false)
        .build();
    Map<String, String> headers = new HashMap<>();
    tracer.inject(context, Format.Builtin.TEXT_MAP, new TextMapAdapter(headers));
    assertEquals("000000000000000a:000000000000000b:0:0", headers.get("uber-trace-id"));
  }

  @Test
  void incomingBaggageIsHeldToTheLimits() {
    try (SpoorTracer limited = SpoorTracer.builder("svc")
        .limits(dev.spoor.Limits.builder().maxBaggageItems(1).maxBaggageValueLength(3).build())
        .build()) {
      Map<String, String> headers = header("uber-trace-id", "abc:def:0:1");
      headers.put("uberctx-a", "12345");
      headers.put("uberctx-b", "x");
      SpoorSpanContext context = (SpoorSpanContext) limited.extract(
          Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      assertEquals(1, context.baggage().size());
      assertEquals(1, limited.metrics().get(Metric.BAGGAGE_DROPPED));
      String kept = context.baggage().values().iterator().next();
      assertTrue(kept.length() <= 3);
    }
  }

  @Test
  void anUntrustedEdgeDropsIncomingBaggageAndCountsIt() {
    try (SpoorTracer edge = SpoorTracer.builder("edge").ignoreIncomingBaggage(true).build()) {
      Map<String, String> headers = header("uber-trace-id", "abc:def:0:1");
      headers.put("uberctx-a", "1");
      headers.put("uberctx-b", "2");
      SpoorSpanContext context = (SpoorSpanContext) edge.extract(
          Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      assertTrue(context.baggage().isEmpty());
      assertEquals(2, edge.metrics().get(Metric.BAGGAGE_DROPPED));
    }
  }

  @Test
  void anExtractorThatThrowsNeverReachesTheApplication() {
    try (SpoorTracer tracer = SpoorTracer.builder("svc")
        .registerExtractor(Format.Builtin.TEXT_MAP, carrier -> {
          throw new IllegalStateException("bug in a codec");
        })
        .registerInjector(Format.Builtin.TEXT_MAP, (context, carrier) -> {
          throw new IllegalStateException("bug in a codec");
        })
        .build()) {
      TextMapAdapter carrier = new TextMapAdapter(new HashMap<>());
      assertNull(tracer.extract(Format.Builtin.TEXT_MAP, carrier));
      tracer.inject(tracer.buildSpan("op").start().context(), Format.Builtin.TEXT_MAP, carrier);
      assertEquals(1, tracer.metrics().get(Metric.EXTRACT_ERRORS));
      assertEquals(1, tracer.metrics().get(Metric.INJECT_ERRORS));
    }
  }

  @Test
  void injectingAContextOfAnotherTracerWritesNothingAndIsCountedAndWarned() {
    SpanContext foreign = new SpanContext() {
      @Override
      public String toTraceId() {
        return "1";
      }

      @Override
      public String toSpanId() {
        return "2";
      }

      @Override
      public Iterable<Map.Entry<String, String>> baggageItems() {
        return Map.<String, String>of().entrySet();
      }

      @Override
      public String toString() {
        return "ForeignContext";
      }
    };
    Map<String, String> headers = new HashMap<>();
    try (LogCapture log = new LogCapture(SpoorTracer.class.getName())) {
      tracer.inject(foreign, Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      assertTrue(headers.isEmpty());
      assertEquals(1, tracer.metrics().get(Metric.INJECT_ERRORS));
      assertEquals(1, log.messages().size());
      assertTrue(log.messages().get(0).contains("ForeignContext"), log.messages().get(0));
    }
  }

  @Test
  void aBadlyEncodedBaggageItemIsSkippedAndWarnedWhileTheTraceAndOtherItemsAreKept() {
    Map<String, String> headers = header("uber-trace-id", "abc:def:0:1");
    headers.put("uberctx-good", "alice%20smith");
    headers.put("uberctx-bad", "%zz");
    try (LogCapture log = new LogCapture(JaegerCodec.class.getName())) {
      SpoorSpanContext context = extract(headers);
      assertNotNull(context);
      assertEquals(0xabcL, context.traceIdLow());
      assertEquals(0xdefL, context.spanId());
      assertEquals(Map.of("good", "alice smith"), context.baggage());
      assertEquals(0, tracer.metrics().get(Metric.EXTRACT_ERRORS));
      assertEquals(1, log.messages().size());
      assertTrue(log.messages().get(0).contains("uberctx-bad"), log.messages().get(0));
    }
  }

  @Test
  void aBaggageKeyThatIsNotAHeaderTokenIsLeftOutWithAWarning() {
    Span span = tracer.buildSpan("op").start();
    span.setBaggageItem("user", "alice");
    span.setBaggageItem("not a token", "x");
    try (LogCapture log = new LogCapture(JaegerCodec.class.getName())) {
      Map<String, String> headers = inject(span);
      assertEquals("alice", headers.get("uberctx-user"));
      assertEquals(2, headers.size(), headers.toString());
      assertEquals(1, log.messages().size());
      assertTrue(log.messages().get(0).contains("not a token"), log.messages().get(0));
    }
  }

  private static void assertOneSafeLogLine(String logged, int maxLength) {
    for (int i = 0; i < logged.length(); i++) {
      char c = logged.charAt(i);
      // Spoor's own words may hold a '§'; no line break or control character may appear.
      assertFalse(Character.isISOControl(c) || c == '\u2028' || c == '\u2029',
          "character U+" + Integer.toHexString(c) + " at " + i + " in: " + logged);
    }
    assertTrue(logged.length() <= maxLength, logged.length() + " characters: " + logged);
  }

  private static final String FORGED = "2026-12-02 07:00:00 ERROR [main] Login: admin authenticated";

  @Test
  void aPercentEncodedLineBreakInUberTraceIdCannotForgeALogLine() {
    String value = "abc:def:0:1%0D%0A" + FORGED.replace(" ", "%20") + "%0D%0A";
    try (LogCapture log = new LogCapture(SpoorTracer.class.getName())) {
      assertNull(extract(header("uber-trace-id", value)));
      assertEquals(1, log.warnings().size(), log.warnings().toString());
      assertOneSafeLogLine(log.warnings().get(0), 300);
      assertTrue(log.warnings().get(0).contains("abc:def:0:1??2026-12-02"), log.warnings().get(0));
    }
  }

  @Test
  void theMalformedContextMessageItselfHoldsNoLineBreakAndIsBounded() {
    String value = "abc:def:0:1%0D%0A" + "x%0A".repeat(60);
    MalformedContextException e = assertThrows(MalformedContextException.class,
        () -> new JaegerCodec().extract(new TextMapAdapter(header("uber-trace-id", value))));
    assertOneSafeLogLine(e.getMessage(), 200);
  }

  @Test
  void aHeaderNameWithALineBreakIsShownOnOneLineWhenItsBaggageIsDropped() {
    Map<String, String> headers = header("uber-trace-id", "abc:def:0:1");
    headers.put("uberctx-x\r\n" + FORGED, "%zz");
    try (LogCapture log = new LogCapture(JaegerCodec.class.getName())) {
      assertNotNull(extract(headers));
      assertEquals(1, log.warnings().size(), log.warnings().toString());
      assertOneSafeLogLine(log.warnings().get(0), 300);
    }
  }

  @Test
  void aBaggageKeyWithALineBreakIsShownOnOneLineWhenItIsLeftOut() {
    Span span = tracer.buildSpan("op").start();
    span.setBaggageItem("k\r\n" + FORGED, "x");
    try (LogCapture log = new LogCapture(JaegerCodec.class.getName())) {
      inject(span);
      assertEquals(1, log.warnings().size(), log.warnings().toString());
      assertOneSafeLogLine(log.warnings().get(0), 300);
    }
  }
}
