package dev.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.internal.HeaderSafety;
import dev.spoor.metrics.Metric;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Oversized, repeated, non-ASCII and control-character headers never throw out of the tracer, cost
 * linear time, and injected headers never carry CR, LF or other illegal characters.
 */
class HostileHeadersTest {
  private static final String VALID_TRACEPARENT =
      "00-12345678901234567890123456789012-1234567890123456-01";
  private static final int MEGABYTE = 1 << 20;
  /** A safety bound only: parsing a megabyte takes milliseconds. */
  private static final long GENEROUS_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final SpoorTracer tracer =
      SpoorTracer.builder("svc").propagation("jaeger", "w3c", "b3").build();

  @AfterEach
  void closeTracer() {
    tracer.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"traceparent", "tracestate", "baggage", "b3", "X-B3-TraceId",
      "X-B3-SpanId", "X-B3-Sampled", "uber-trace-id"})
  void survivesAMegabyteHeaderQuickly(String name) {
    for (String filler : new String[] {"a", "-", ",", "=", "%", "a=b,", " ", "\u00e9"}) {
      Map<String, String> headers = new HashMap<>();
      headers.put(name, filler.repeat(MEGABYTE / filler.length()));
      long start = System.nanoTime();
      SpanContext context = tracer.extract(Format.Builtin.HTTP_HEADERS,
          new TextMapAdapter(headers));
      long elapsed = System.nanoTime() - start;
      assertTrue(elapsed < GENEROUS_NANOS, name + " took " + elapsed + " ns");
      assertTrue(context == null || context instanceof SpoorSpanContext);
    }
  }

  @Test
  void keepsTheTraceWhenTraceStateAndBaggageAreHuge() {
    Map<String, String> headers = new HashMap<>();
    headers.put("traceparent", VALID_TRACEPARENT);
    headers.put("tracestate", "k=v,".repeat(MEGABYTE / 4));
    headers.put("baggage", "k=v,".repeat(MEGABYTE / 4));
    SpoorSpanContext context = (SpoorSpanContext) tracer.extract(
        Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
    assertEquals("12345678901234567890123456789012", context.toTraceId());
    assertNull(context.traceState());
    assertEquals("v", context.getBaggageItem("k"));
  }

  @Test
  void copiesNoMoreOfAHugeBaggageHeaderThanItReads() {
    Map<String, String> headers = new HashMap<>();
    headers.put("traceparent", VALID_TRACEPARENT);
    headers.put("baggage", "k=v,".repeat(MEGABYTE / 4));
    W3cTraceContextCodec codec = new W3cTraceContextCodec();
    codec.extract(new TextMapAdapter(headers)); // loads the classes involved
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    SpoorSpanContext context = codec.extract(new TextMapAdapter(headers));
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertEquals("v", context.getBaggageItem("k"));
    // Copying the megabyte header once would allocate 1 MB; reading 8 KB of it needs far less.
    assertTrue(allocated < 256 * 1024, allocated + " bytes allocated");
  }

  @Test
  void survivesManyRepeatedHeaders() {
    Headers headers = Headers.of("traceparent", VALID_TRACEPARENT);
    for (int i = 0; i < 100_000; i++) {
      headers.add("tracestate", "k" + i + "=v");
      headers.add("baggage", "k" + i + "=v");
    }
    long start = System.nanoTime();
    SpoorSpanContext context = new W3cTraceContextCodec().extract(headers);
    assertTrue(System.nanoTime() - start < GENEROUS_NANOS);
    assertNull(context.traceState(), "more than 32 members");
    assertTrue(context.baggage().size() <= BaggageHeader.MAX_MEMBERS);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "00-12345678901234567890123456789012-1234567890123456-01\r\nX-Evil: 1",
      "00-1234567890123456789012345678901\u00e9-1234567890123456-01",
      "00-\u0661\u0662345678901234567890123456789012-1234567890123456-01",
      "\u0000", "\r\n", "\uffff\ud800"})
  void countsHostileTraceparentsAndStartsANewTrace(String value) {
    Map<String, String> headers = new HashMap<>();
    headers.put("traceparent", value);
    SpanContext context =
        tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
    assertNull(context);
    assertEquals(1L, tracer.metrics().get(Metric.EXTRACT_ERRORS));
    Span span = tracer.buildSpan("op").asChildOf(context).start();
    assertTrue(((SpoorSpanContext) span.context()).hasTrace());
    span.finish();
  }

  @Test
  void toleratesNullNamesAndValuesInTheCarrier() {
    Headers headers = Headers.of(null, "x", "traceparent", null, "b3", null, "baggage", null);
    assertNull(tracer.extract(Format.Builtin.TEXT_MAP_EXTRACT, headers));
    assertEquals(0L, tracer.metrics().get(Metric.EXTRACT_ERRORS));
  }

  @Test
  void neverInjectsControlOrNonAsciiCharacters() {
    Span span = tracer.buildSpan("op").start();
    span.setBaggageItem("user", "\r\nX-Evil: 1\u0000\u00e9\ud83d\ude00");
    span.setBaggageItem("bad\r\nkey", "v");
    Map<String, String> headers = new HashMap<>();
    tracer.inject(span.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
    span.finish();
    for (Map.Entry<String, String> header : headers.entrySet()) {
      assertTrue(HeaderSafety.isVisibleAscii(header.getKey()), header.getKey());
      assertTrue(HeaderSafety.isVisibleAscii(header.getValue()), header.getValue());
    }
    assertTrue(headers.containsKey("baggage"));
  }
}
