package dev.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import io.jaegertracing.internal.JaegerSpanContext;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.propagation.B3TextMapCodec;
import io.jaegertracing.internal.propagation.TraceContextCodec;
import io.jaegertracing.internal.reporters.InMemoryReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.spi.Codec;
import io.opentracing.Span;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMap;
import io.opentracing.propagation.TextMapAdapter;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The {@code b3} and {@code w3c} formats against jaeger-client-java 1.8.1's own B3 and W3C codecs,
 * which is what {@code JAEGER_PROPAGATION=b3,w3c} meant there: ids, sampling and B3 baggage.
 */
class JaegerClientInteropTest {
  private static JaegerTracer jaeger(Codec<TextMap> codec) {
    return new JaegerTracer.Builder("jaeger-peer")
        .withReporter(new InMemoryReporter())
        .withSampler(new ConstSampler(true))
        .withTraceId128Bit()
        .registerInjector(Format.Builtin.HTTP_HEADERS, codec)
        .registerExtractor(Format.Builtin.HTTP_HEADERS, codec)
        .build();
  }

  private static Map<String, String> headers() {
    return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  }

  @Test
  void continuesJaegerClientsB3TraceWithItsBaggage() {
    try (JaegerTracer jaeger = jaeger(new B3TextMapCodec.Builder().build());
        SpoorTracer spoor = SpoorTracer.builder("spoor").propagation("b3").build()) {
      Span sent = jaeger.buildSpan("client").start();
      sent.setBaggageItem("user", "alice");
      Map<String, String> headers = headers();
      jaeger.inject(sent.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      sent.finish();

      SpoorSpanContext received = (SpoorSpanContext) spoor.extract(
          Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      JaegerSpanContext original = (JaegerSpanContext) sent.context();
      assertEquals(original.getTraceIdLow(), received.traceIdLow(), headers.toString());
      assertEquals(original.getSpanId(), received.spanId());
      assertTrue(received.isSampled());
      assertEquals("alice", received.getBaggageItem("user"));
    }
  }

  @Test
  void jaegerClientContinuesSpoorsB3TraceWithItsBaggage() {
    try (JaegerTracer jaeger = jaeger(new B3TextMapCodec.Builder().build());
        SpoorTracer spoor = SpoorTracer.builder("spoor").propagation("b3")
            .traceId128Bit(false).build()) {
      Span sent = spoor.buildSpan("client").start();
      sent.setBaggageItem("user", "alice");
      Map<String, String> headers = headers();
      spoor.inject(sent.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      sent.finish();

      JaegerSpanContext received = (JaegerSpanContext) jaeger.extract(
          Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      SpoorSpanContext original = (SpoorSpanContext) sent.context();
      assertEquals(original.traceIdLow(), received.getTraceIdLow(), headers.toString());
      assertEquals(original.spanId(), received.getSpanId());
      assertTrue(received.isSampled());
      assertEquals("alice", received.getBaggageItem("user"));
    }
  }

  @Test
  void exchangesW3cTraceContextWithJaegerClientBothWays() {
    try (JaegerTracer jaeger = jaeger(new TraceContextCodec.Builder().build());
        SpoorTracer spoor = SpoorTracer.builder("spoor").propagation("w3c").build()) {
      Span jaegerSpan = jaeger.buildSpan("client").start();
      Map<String, String> headers = headers();
      jaeger.inject(jaegerSpan.context(), Format.Builtin.HTTP_HEADERS,
          new TextMapAdapter(headers));
      jaegerSpan.finish();
      SpoorSpanContext inSpoor = (SpoorSpanContext) spoor.extract(
          Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      assertEquals(jaegerSpan.context().toTraceId(), inSpoor.toTraceId(), headers.toString());
      assertEquals(jaegerSpan.context().toSpanId(), inSpoor.toSpanId());
      assertTrue(inSpoor.isSampled());

      Span spoorSpan = spoor.buildSpan("server").asChildOf(inSpoor).start();
      Map<String, String> back = headers();
      spoor.inject(spoorSpan.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(back));
      spoorSpan.finish();
      JaegerSpanContext inJaeger = (JaegerSpanContext) jaeger.extract(
          Format.Builtin.HTTP_HEADERS, new TextMapAdapter(back));
      assertEquals(jaegerSpan.context().toTraceId(), inJaeger.toTraceId(), back.toString());
      assertEquals(((SpoorSpanContext) spoorSpan.context()).spanId(), inJaeger.getSpanId());
      assertTrue(inJaeger.isSampled());
    }
  }
}
