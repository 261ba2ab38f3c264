package dev.spoor.propagation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.internal.SpanContextBuilder;
import io.jaegertracing.internal.JaegerSpanContext;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.propagation.BinaryCodec;
import io.jaegertracing.internal.reporters.InMemoryReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.opentracing.Span;
import io.opentracing.propagation.Format;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spoor and jaeger-client-java's own BinaryCodec read each other's bytes. */
class JaegerClientBinaryInteropTest {
  private final SpoorTracer spoor = SpoorTracer.builder("spoor").build();
  private final JaegerTracer jaeger = new JaegerTracer.Builder("jaeger")
      .withReporter(new InMemoryReporter()).withSampler(new ConstSampler(true)).build();

  @AfterEach
  void closeTracers() {
    spoor.close();
    jaeger.close();
  }

  private static Map<String, String> asciiBaggage() {
    Map<String, String> baggage = new HashMap<>();
    baggage.put("user", "alice smith");
    baggage.put("path", "/a/b?c=d&e=f");
    baggage.put("empty", "");
    return baggage;
  }

  @ParameterizedTest
  @CsvSource({
      "0, 171, 222, 0, 0",
      "0, 171, 222, 4660, 1",
      "5473964011222233444, -6643491744370014394, 67667974448284343, 4660, 3",
      "-1, -1, -1, -1, 2"})
  void spoorReadsWhatJaegerClientWrites(long high, long low, long spanId, long parentId,
      byte flags) {
    JaegerSpanContext sent = new JaegerSpanContext(high, low, spanId, parentId, flags)
        .withBaggage(asciiBaggage());
    BinaryCarrier carrier = BinaryCarrier.forInjection();
    new BinaryCodec().inject(sent, carrier);

    SpoorSpanContext received = (SpoorSpanContext)
        spoor.extract(Format.Builtin.BINARY, BinaryCarrier.of(carrier.bytes()));

    assertEquals(high, received.traceIdHigh());
    assertEquals(low, received.traceIdLow());
    assertEquals(spanId, received.spanId());
    assertEquals(parentId, received.parentId());
    assertEquals(flags, SpanContextBuilder.jaegerFlagsOf(received));
    assertEquals(asciiBaggage(), received.baggage());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void jaegerClientReadsWhatSpoorWrites(boolean use128BitIds) {
    try (SpoorTracer tracer = SpoorTracer.builder("svc").traceId128Bit(use128BitIds).build()) {
      Span parent = tracer.buildSpan("parent").start();
      Span span = tracer.buildSpan("child").asChildOf(parent).start();
      asciiBaggage().forEach(span::setBaggageItem);
      span.setBaggageItem("city", "Zürich → 東京"); // Spoor writes UTF-8 byte lengths
      SpoorSpanContext sent = (SpoorSpanContext) span.context();
      BinaryCarrier carrier = BinaryCarrier.forInjection();
      tracer.inject(sent, Format.Builtin.BINARY, carrier);

      JaegerSpanContext received = new BinaryCodec().extract(BinaryCarrier.of(carrier.bytes()));

      assertEquals(sent.traceIdHigh(), received.getTraceIdHigh());
      assertEquals(sent.traceIdLow(), received.getTraceIdLow());
      assertEquals(sent.spanId(), received.getSpanId());
      assertEquals(sent.parentId(), received.getParentId());
      assertEquals((byte) SpanContextBuilder.jaegerFlagsOf(sent), received.getFlags());
      Map<String, String> baggage = new HashMap<>();
      received.baggageItems().forEach(item -> baggage.put(item.getKey(), item.getValue()));
      assertEquals(sent.baggage(), baggage);
    }
  }

  @Test
  void bothWriteTheSameBytesForTheSameContext() {
    JaegerSpanContext jaegerContext =
        new JaegerSpanContext(0x1L, 0x2L, 0x3L, 0x4L, (byte) 1).withBaggage(Map.of("k", "v"));
    BinaryCarrier fromJaeger = BinaryCarrier.forInjection();
    new BinaryCodec().inject(jaegerContext, fromJaeger);

    BinaryCarrier fromSpoor = BinaryCarrier.forInjection();
    spoor.inject(spoor.extract(Format.Builtin.BINARY, BinaryCarrier.of(fromJaeger.bytes())),
        Format.Builtin.BINARY, fromSpoor);

    assertArrayEquals(fromJaeger.bytes(), fromSpoor.bytes());
  }

  @Test
  void spoorReadsJaegerClientsNonAsciiValuesAsJaegerClientDoes() {
    // jaeger-client-java writes a value's length in chars, not bytes, and only that many bytes:
    // its own reader gets the value cut short, and so does Spoor, which reads the same bytes.
    JaegerSpanContext sent = new JaegerSpanContext(0L, 0xaL, 0xbL, 0L, (byte) 1)
        .withBaggage(Map.of("city", "Zürich"));
    BinaryCarrier carrier = BinaryCarrier.forInjection();
    new BinaryCodec().inject(sent, carrier);

    JaegerSpanContext jaegerRead = new BinaryCodec().extract(BinaryCarrier.of(carrier.bytes()));
    SpoorSpanContext spoorRead = (SpoorSpanContext)
        spoor.extract(Format.Builtin.BINARY, BinaryCarrier.of(carrier.bytes()));

    assertEquals(jaegerRead.getBaggageItem("city"), spoorRead.getBaggageItem("city"));
  }

  @Test
  void aTraceCrossesBothTracersThroughTheirBinaryFormat() {
    Span jaegerSpan = jaeger.buildSpan("produce").start();
    BinaryCarrier toSpoor = BinaryCarrier.forInjection();
    jaeger.inject(jaegerSpan.context(), Format.Builtin.BINARY, toSpoor);

    Span spoorSpan = spoor.buildSpan("consume")
        .asChildOf(spoor.extract(Format.Builtin.BINARY, BinaryCarrier.of(toSpoor.bytes())))
        .start();
    BinaryCarrier toJaeger = BinaryCarrier.forInjection();
    spoor.inject(spoorSpan.context(), Format.Builtin.BINARY, toJaeger);
    JaegerSpanContext back =
        jaeger.extract(Format.Builtin.BINARY, BinaryCarrier.of(toJaeger.bytes()));

    JaegerSpanContext origin = (JaegerSpanContext) jaegerSpan.context();
    assertEquals(origin.getTraceIdLow(), back.getTraceIdLow());
    assertEquals(origin.getTraceIdHigh(), back.getTraceIdHigh());
    assertEquals(origin.getSpanId(), back.getParentId());
    assertEquals(spoorSpan.context().toSpanId(), String.format("%016x", back.getSpanId()));
    assertEquals(origin.getFlags(), back.getFlags());
  }
}
