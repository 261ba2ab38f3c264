package dev.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trace id that arrives as 32 hex digits keeps 32 digits even when its upper half is zero. */
class WideTraceIdTest {
  private static final String TRACE = "000000000000000048485a3953bb6124";
  private static final String SPAN = "a2fb4a1d1a96d312";

  @Test
  void keepsTheWidthOfAW3cTraceIdWithAZeroUpperHalf() {
    Map<String, String> headers = new HashMap<>();
    headers.put("traceparent", "00-" + TRACE + "-" + SPAN + "-01");
    Map<String, String> injected = roundTrip("w3c", headers);
    assertEquals("00-" + TRACE + "-" + SPAN + "-01", injected.get("traceparent"));
  }

  @Test
  void keepsTheWidthOfAB3TraceIdWithAZeroUpperHalf() {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-B3-TraceId", TRACE);
    headers.put("X-B3-SpanId", SPAN);
    headers.put("X-B3-Sampled", "1");
    Map<String, String> injected = roundTrip("b3", headers);
    assertEquals(TRACE, injected.get("X-B3-TraceId"));
  }

  @Test
  void keepsTheWidthOfASingleHeaderB3TraceIdWithAZeroUpperHalf() {
    Map<String, String> headers = new HashMap<>();
    headers.put("b3", TRACE + "-" + SPAN + "-1");
    Map<String, String> injected = roundTrip("b3-single", headers);
    assertEquals(TRACE + "-" + SPAN + "-1", injected.get("b3"));
  }

  @Test
  void keepsA16DigitB3TraceIdAt16Digits() {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-B3-TraceId", TRACE.substring(16));
    headers.put("X-B3-SpanId", SPAN);
    Map<String, String> injected = roundTrip("b3", headers);
    assertEquals(TRACE.substring(16), injected.get("X-B3-TraceId"));
  }

  /** Extracts with one format, checks the id's width, and injects the context again. */
  private static Map<String, String> roundTrip(String format, Map<String, String> headers) {
    try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation(format).build()) {
      SpoorSpanContext context = (SpoorSpanContext) tracer.extract(
          Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      int digits = headers.containsValue(TRACE.substring(16)) ? 16 : 32;
      assertEquals(digits, context.toTraceId().length());
      Map<String, String> injected = new HashMap<>();
      tracer.inject(context, Format.Builtin.HTTP_HEADERS, new TextMapAdapter(injected));
      return injected;
    }
  }
}
