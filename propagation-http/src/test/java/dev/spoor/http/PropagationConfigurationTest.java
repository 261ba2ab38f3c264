package dev.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.propagation.PropagationProvider;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Format names through {@link ServiceLoader}, the builder and {@code JAEGER_PROPAGATION}, and the
 * composite's order: inject writes every format, extract takes the first valid one.
 */
class PropagationConfigurationTest {
  private static final String TRACE_B = "0000000000000000000000000000000b";
  private static final String TRACE_C = "0000000000000000000000000000000c";
  private static final String UBER = "a:1:0:1";
  private static final String TRACEPARENT = "00-" + TRACE_B + "-0000000000000002-01";

  @Test
  void registersW3cB3AndB3SingleWithTheServiceLoader() {
    Map<String, Class<?>> codecs = new TreeMap<>();
    for (PropagationProvider provider : ServiceLoader.load(PropagationProvider.class)) {
      codecs.put(provider.name(), provider.codec().getClass());
    }
    Map<String, Class<?>> expected = new TreeMap<>();
    expected.put("w3c", W3cTraceContextCodec.class);
    expected.put("b3", B3MultiCodec.class);
    expected.put("b3-single", B3SingleCodec.class);
    assertEquals(expected, codecs);
  }

  @Test
  void writesJaegerAndW3cByDefault() {
    try (SpoorTracer tracer = SpoorTracer.builder("svc").build()) {
      Map<String, String> headers = inject(tracer);
      assertTrue(headers.containsKey("uber-trace-id"));
      assertTrue(headers.containsKey("traceparent"));
      assertTrue(headers.containsKey("baggage"));
      assertFalse(headers.containsKey("X-B3-TraceId"));
    }
  }

  @Test
  void writesEveryConfiguredFormat() {
    try (SpoorTracer tracer =
        SpoorTracer.builder("svc").propagation("jaeger", "w3c", "b3", "b3-single").build()) {
      Map<String, String> headers = inject(tracer);
      String traceId = headers.get("X-B3-TraceId");
      assertTrue(headers.get("uber-trace-id").startsWith(traceId + ":"));
      assertTrue(headers.get("traceparent").startsWith("00-" + traceId + "-"));
      assertTrue(headers.get("b3").startsWith(traceId + "-"));
      assertEquals("v", headers.get("uberctx-k"));
      assertEquals("k=v", headers.get("baggage"));
    }
  }

  @Test
  void acceptsFormatNamesInAnyCaseWithSpaces() {
    try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation(" B3 ", "W3C").build()) {
      Map<String, String> headers = inject(tracer);
      assertTrue(headers.containsKey("X-B3-TraceId"));
      assertTrue(headers.containsKey("traceparent"));
      assertFalse(headers.containsKey("uber-trace-id"));
    }
  }

  @Test
  void refusesAnUnknownFormatNamingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpoorTracer.builder("svc").propagation("jaeger", "zipkin"));
    assertTrue(e.getMessage().contains("b3-single"), e.getMessage());
    assertTrue(e.getMessage().contains("w3c"), e.getMessage());
  }

  @Test
  void takesTheFirstValidFormatInOrder() {
    Map<String, String> all = new HashMap<>();
    all.put("uber-trace-id", UBER);
    all.put("traceparent", TRACEPARENT);
    all.put("X-B3-TraceId", TRACE_C);
    all.put("X-B3-SpanId", "0000000000000003");
    try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation("jaeger", "w3c", "b3")
        .build()) {
      assertEquals(0xaL, extract(tracer, all).traceIdLow());
    }
    try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation("b3", "w3c", "jaeger")
        .build()) {
      assertEquals(0xcL, extract(tracer, all).traceIdLow());
    }
  }

  @Test
  void aMalformedFirstFormatDoesNotHideAValidLaterOne() {
    Map<String, String> headers = new HashMap<>();
    headers.put("uber-trace-id", "not:a:valid:header:at:all");
    headers.put("traceparent", "00-" + TRACE_B.toUpperCase() + "-0000000000000002-01");
    headers.put("b3", TRACE_C + "-0000000000000003-1");
    try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation("jaeger", "w3c", "b3")
        .build()) {
      SpoorSpanContext context = extract(tracer, headers);
      assertEquals(0xcL, context.traceIdLow());
      assertTrue(context.isSampled());
      assertEquals(0L, tracer.metrics().get(Metric.EXTRACT_ERRORS));
    }
  }

  @Test
  void countsAnExtractErrorWhenNoFormatIsValid() {
    Map<String, String> headers = new HashMap<>();
    headers.put("traceparent", "00-" + TRACE_B + "-0000000000000000-01");
    try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation("jaeger", "w3c", "b3")
        .build()) {
      assertNull(tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers)));
      assertEquals(1L, tracer.metrics().get(Metric.EXTRACT_ERRORS));
    }
  }

  @Test
  void readsJaegerPropagationFromTheEnvironment() {
    String[] names = {"JAEGER_SERVICE_NAME", "JAEGER_PROPAGATION"};
    Map<String, String> saved = new HashMap<>();
    for (String name : names) {
      saved.put(name, System.getProperty(name));
    }
    System.setProperty("JAEGER_SERVICE_NAME", "env-service");
    try {
      Map<String, String> all = injectFromEnv("jaeger, w3c ,b3");
      assertNotNull(all.get("uber-trace-id"));
      assertNotNull(all.get("traceparent"));
      assertNotNull(all.get("X-B3-TraceId"));
      assertFalse(all.containsKey("b3"));
      Map<String, String> noJaeger = injectFromEnv("b3-single,w3c");
      assertNotNull(noJaeger.get("b3"));
      assertNotNull(noJaeger.get("traceparent"));
      assertFalse(noJaeger.containsKey("uber-trace-id"));
    } finally {
      for (String name : names) {
        if (saved.get(name) == null) {
          System.clearProperty(name);
        } else {
          System.setProperty(name, saved.get(name));
        }
      }
    }
  }

  private static Map<String, String> injectFromEnv(String propagation) {
    System.setProperty("JAEGER_PROPAGATION", propagation);
    try (SpoorTracer tracer = SpoorTracer.fromEnv()) {
      return inject(tracer);
    }
  }

  private static Map<String, String> inject(SpoorTracer tracer) {
    io.opentracing.Span span = tracer.buildSpan("op").start();
    span.setBaggageItem("k", "v");
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    tracer.inject(span.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
    span.finish();
    return headers;
  }

  private static SpoorSpanContext extract(SpoorTracer tracer, Map<String, String> headers) {
    return (SpoorSpanContext) tracer.extract(
        Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
  }
}
