package dev.spoor.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.internal.SpanContextBuilder;
import io.jaegertracing.internal.JaegerSpanContext;
import io.jaegertracing.internal.propagation.TextMapCodec;
import io.opentracing.Span;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spoor and jaeger-client-java's own TextMapCodec read each other's headers. */
class JaegerClientInteropTest {
  private final SpoorTracer tracer = SpoorTracer.builder("interop").propagation("jaeger").build();

  @AfterEach
  void closeTracer() {
    tracer.close();
  }

  private static Map<String, String> baggage() {
    Map<String, String> baggage = new HashMap<>();
    baggage.put("user", "alice smith");
    baggage.put("path", "/a/b?c=d&e=ü");
    return baggage;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void spoorExtractsWhatJaegerClientInjects(boolean urlEncoding) {
    JaegerSpanContext sent = new JaegerSpanContext(
        0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L, 0x00f067aa0ba902b7L, 0x1234L, (byte) 3)
        .withBaggage(baggage());
    Map<String, String> headers = new HashMap<>();
    new TextMapCodec(urlEncoding).inject(sent, new TextMapAdapter(headers));

    SpoorSpanContext received = (SpoorSpanContext)
        tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));

    assertEquals(sent.getTraceIdHigh(), received.traceIdHigh());
    assertEquals(sent.getTraceIdLow(), received.traceIdLow());
    assertEquals(sent.getSpanId(), received.spanId());
    assertEquals(sent.getParentId(), received.parentId());
    assertEquals(sent.getFlags(), SpanContextBuilder.jaegerFlagsOf(received));
    assertEquals(baggage(), received.baggage());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void spoorExtractsJaegerClients64BitIds(boolean urlEncoding) {
    JaegerSpanContext sent = new JaegerSpanContext(0L, 0xabcL, 0xdefL, 0L, (byte) 0);
    Map<String, String> headers = new HashMap<>();
    new TextMapCodec(urlEncoding).inject(sent, new TextMapAdapter(headers));

    SpoorSpanContext received = (SpoorSpanContext)
        tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));

    assertEquals(0L, received.traceIdHigh());
    assertEquals(0xabcL, received.traceIdLow());
    assertEquals(0xdefL, received.spanId());
    assertEquals(0, SpanContextBuilder.jaegerFlagsOf(received));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void jaegerClientExtractsWhatSpoorInjects(boolean use128BitIds) {
    try (SpoorTracer spoor = SpoorTracer.builder("svc").traceId128Bit(use128BitIds).build()) {
      Span parent = spoor.buildSpan("parent").start();
      Span span = spoor.buildSpan("child").asChildOf(parent).start();
      baggage().forEach(span::setBaggageItem);
      SpoorSpanContext sent = (SpoorSpanContext) span.context();
      Map<String, String> headers = new HashMap<>();
      spoor.inject(sent, Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));

      JaegerSpanContext received =
          new TextMapCodec(true).extract(new TextMapAdapter(headers));

      assertEquals(sent.traceIdHigh(), received.getTraceIdHigh());
      assertEquals(sent.traceIdLow(), received.getTraceIdLow());
      assertEquals(sent.spanId(), received.getSpanId());
      assertEquals(sent.parentId(), received.getParentId());
      assertEquals((byte) SpanContextBuilder.jaegerFlagsOf(sent), received.getFlags());
      Map<String, String> receivedBaggage = new HashMap<>();
      received.baggageItems().forEach(e -> receivedBaggage.put(e.getKey(), e.getValue()));
      assertEquals(baggage(), receivedBaggage);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "0, 1, 1, 0, 0, false, 0000000000000001:0000000000000001:0:0",
      "0, ffffffffffffffff, ffffffffffffffff, ffffffffffffffff, -1, false,"
          + " ffffffffffffffff:ffffffffffffffff:ffffffffffffffff:ff",
      "0, abc, def, 1, 1, false, 0000000000000abc:0000000000000def:1:1",
      "0, 4bf92f3577b34da6, 00f067aa0ba902b7, f, 2, true,"
          + " 00000000000000004bf92f3577b34da6:00f067aa0ba902b7:f:2",
      "4bf92f3577b34da6, a3ce929d0e0e4736, 1234, 10, 3, false,"
          + " 4bf92f3577b34da6a3ce929d0e0e4736:0000000000001234:10:3",
      "ffffffffffffffff, ffffffffffffffff, 10, 7fffffffffffffff, 15, true,"
          + " ffffffffffffffffffffffffffffffff:0000000000000010:7fffffffffffffff:f",
      "1, 2, 3, abcdef, 16, false, 00000000000000010000000000000002:0000000000000003:abcdef:10",
  })
  void theTraceHeaderIsByteForByteWhatSpoorWroteBeforeAndJaegerClientReadsIt(String high,
      String low, String spanId, String parentId, int flags, boolean wide, String header) {
    SpoorSpanContext sent = new SpanContextBuilder().traceIdHigh(Long.parseUnsignedLong(high, 16))
        .traceIdLow(Long.parseUnsignedLong(low, 16)).spanId(Long.parseUnsignedLong(spanId, 16))
        .parentId(Long.parseUnsignedLong(parentId, 16)).jaegerFlags(flags).traceId128Bit(wide)
        .build();
    Map<String, String> headers = new HashMap<>();
    tracer.inject(sent, Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));

    assertEquals(header, headers.get("uber-trace-id"));
    assertEquals(header, sent.toString(), "the context prints as the header it injects");
    JaegerSpanContext received = new TextMapCodec(false).extract(new TextMapAdapter(headers));
    assertEquals(sent.traceIdHigh(), received.getTraceIdHigh());
    assertEquals(sent.traceIdLow(), received.getTraceIdLow());
    assertEquals(sent.spanId(), received.getSpanId());
    assertEquals(sent.parentId(), received.getParentId());
    assertEquals((byte) SpanContextBuilder.jaegerFlagsOf(sent), received.getFlags());
  }
}
