package dev.spoor.propagation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.LogCapture;
import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.metrics.Metric;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.propagation.BinaryAdapters;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Jaeger's binary layout through the tracer's BINARY formats, and what hostile bytes do. */
class JaegerBinaryCodecTest {
  private final SpoorTracer tracer = SpoorTracer.builder("binary-test").build();

  @AfterEach
  void closeTracer() {
    tracer.close();
  }

  /** The layout, written out field by field: ids, flags, count, then length-prefixed UTF-8. */
  static byte[] layout(long high, long low, long spanId, long parentId, int flags,
      Map<String, String> baggage) {
    int size = 37;
    for (Map.Entry<String, String> item : baggage.entrySet()) {
      size += 8 + item.getKey().getBytes(StandardCharsets.UTF_8).length
          + item.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putLong(high).putLong(low).putLong(spanId).putLong(parentId).put((byte) flags)
        .putInt(baggage.size());
    baggage.forEach((key, value) -> {
      byte[] k = key.getBytes(StandardCharsets.UTF_8);
      byte[] v = value.getBytes(StandardCharsets.UTF_8);
      out.putInt(k.length).put(k).putInt(v.length).put(v);
    });
    return out.array();
  }

  private SpanContext extract(byte[] bytes) {
    return tracer.extract(Format.Builtin.BINARY, BinaryCarrier.of(bytes));
  }

  private byte[] inject(SpanContext context) {
    BinaryCarrier carrier = BinaryCarrier.forInjection();
    tracer.inject(context, Format.Builtin.BINARY, carrier);
    return carrier.bytes();
  }

  @Test
  void writesJaegersLayoutByteForByte() {
    Span span = tracer.buildSpan("parent").start();
    Span child = tracer.buildSpan("child").asChildOf(span).start();
    child.setBaggageItem("user", "alice");
    SpoorSpanContext context = (SpoorSpanContext) child.context();

    byte[] expected = layout(context.traceIdHigh(), context.traceIdLow(), context.spanId(),
        context.parentId(), SpanContextBuilder.jaegerFlagsOf(context), Map.of("user", "alice"));

    assertArrayEquals(expected, inject(context));
    assertEquals(37 + 4 + 4 + 4 + 5, expected.length);
  }

  @Test
  void readsEveryFieldOfTheLayout() {
    Map<String, String> baggage = new TreeMap<>(Map.of("user", "alice smith", "city", "Zürich"));
    byte[] bytes = layout(0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L, 0x00f067aa0ba902b7L, 0x1234L,
        3, baggage);

    SpoorSpanContext context = (SpoorSpanContext) extract(bytes);

    assertEquals(0x4bf92f3577b34da6L, context.traceIdHigh());
    assertEquals(0xa3ce929d0e0e4736L, context.traceIdLow());
    assertEquals(0x00f067aa0ba902b7L, context.spanId());
    assertEquals(0x1234L, context.parentId());
    assertTrue(context.isSampled());
    assertTrue(context.isDebug());
    assertEquals(baggage, context.baggage());
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", context.toTraceId());
  }

  @Test
  void aSixtyFourBitTraceIdStaysSixtyFourBitsWide() {
    SpoorSpanContext context = (SpoorSpanContext) extract(layout(0, 0xabcL, 0xdefL, 0, 1, Map.of()));

    assertFalse(context.isTraceId128Bit());
    assertEquals("0000000000000abc", context.toTraceId());
  }

  @Test
  void aChildOfAnExtractedContextContinuesTheTrace() {
    SpanContext parent = extract(layout(7L, 8L, 9L, 0L, 1, Map.of("tenant", "acme")));
    Span child = tracer.buildSpan("consume").asChildOf(parent).start();
    SpoorSpanContext context = (SpoorSpanContext) child.context();

    assertEquals(7L, context.traceIdHigh());
    assertEquals(8L, context.traceIdLow());
    assertEquals(9L, context.parentId());
    assertEquals("acme", child.getBaggageItem("tenant"));
    assertTrue(context.isSampled());
  }

  @Test
  void everyBinaryFormatRoundTrips() {
    Span span = tracer.buildSpan("send").start();
    span.setBaggageItem("k", "v");
    SpoorSpanContext sent = (SpoorSpanContext) span.context();

    byte[] viaBinary = inject(sent);
    ByteBuffer buffer = ByteBuffer.allocate(256);
    tracer.inject(sent, Format.Builtin.BINARY_INJECT, BinaryAdapters.injectionCarrier(buffer));
    buffer.flip();
    byte[] viaBinaryInject = new byte[buffer.remaining()];
    buffer.duplicate().get(viaBinaryInject);
    assertArrayEquals(viaBinary, viaBinaryInject);

    SpoorSpanContext received = (SpoorSpanContext) tracer.extract(
        Format.Builtin.BINARY_EXTRACT, BinaryAdapters.extractionCarrier(buffer));
    assertEquals(sent.toString(), received.toString());
    assertEquals(Map.of("k", "v"), received.baggage());
    assertFalse(buffer.hasRemaining(), "the context was consumed");
  }

  @Test
  void readsFromTheBuffersPositionAndLeavesItAfterTheContext() {
    byte[] context = layout(0, 5L, 6L, 0, 1, Map.of("a", "b"));
    ByteBuffer message = ByteBuffer.allocate(3 + context.length + 4);
    message.put(new byte[] {9, 9, 9}).put(context).putInt(0xCAFE).flip();
    message.position(3);

    SpoorSpanContext received = (SpoorSpanContext) tracer.extract(
        Format.Builtin.BINARY_EXTRACT, BinaryAdapters.extractionCarrier(message));

    assertEquals(5L, received.traceIdLow());
    assertEquals(3 + context.length, message.position());
    assertEquals(0xCAFE, message.getInt(), "the payload after the context is where it was");
  }

  @Test
  void writesBigEndianWhateverTheBuffersByteOrder() {
    Span span = tracer.buildSpan("le").start();
    ByteBuffer littleEndian = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    tracer.inject(span.context(), Format.Builtin.BINARY_INJECT,
        BinaryAdapters.injectionCarrier(littleEndian));

    byte[] written = new byte[littleEndian.position()];
    littleEndian.flip();
    littleEndian.get(written);
    assertArrayEquals(inject(span.context()), written);
    assertEquals(ByteOrder.LITTLE_ENDIAN, littleEndian.order(), "the buffer's order is its own");
    littleEndian.rewind();
    assertEquals(span.context().toSpanId(), tracer.extract(Format.Builtin.BINARY_EXTRACT,
        BinaryAdapters.extractionCarrier(littleEndian)).toSpanId());
  }

  @Test
  void anEmptyBufferHoldsNoContextAndIsNoError() {
    assertNull(extract(new byte[0]));
    assertEquals(0, tracer.metrics().get(Metric.EXTRACT_ERRORS));
  }

  static Stream<Arguments> hostileBytes() {
    byte[] valid = layout(1L, 2L, 3L, 0L, 1, new TreeMap<>(Map.of("key", "value", "k2", "v2")));
    Stream<Arguments> truncated = IntStream.range(1, valid.length)
        .mapToObj(n -> Arguments.of("truncated to " + n, java.util.Arrays.copyOf(valid, n)));
    Stream<Arguments> crafted = Stream.of(
        Arguments.of("negative count", withInt(layout(1, 2, 3, 0, 1, Map.of()), 33, -1)),
        Arguments.of("huge count", withInt(layout(1, 2, 3, 0, 1, Map.of()), 33,
            Integer.MAX_VALUE)),
        Arguments.of("count beyond the bytes", withInt(valid, 33, 3)),
        Arguments.of("negative key length", withInt(valid, 37, -5)),
        Arguments.of("huge key length", withInt(valid, 37, Integer.MAX_VALUE)),
        Arguments.of("huge value length", withInt(valid, 37 + 4 + 2, Integer.MAX_VALUE)),
        Arguments.of("value length beyond the bytes", withInt(valid, 37 + 4 + 2, 100)),
        Arguments.of("zero trace id", layout(0L, 0L, 3L, 0L, 1, Map.of())),
        Arguments.of("zero span id", layout(1L, 2L, 0L, 0L, 1, Map.of())),
        Arguments.of("larger than the limit", layout(1L, 2L, 3L, 0L, 1,
            Map.of("big", "x".repeat(JaegerBinaryCodec.MAX_CONTEXT_BYTES)))));
    return Stream.concat(truncated, crafted);
  }

  private static byte[] withInt(byte[] bytes, int offset, int value) {
    byte[] copy = bytes.clone();
    ByteBuffer.wrap(copy).putInt(offset, value);
    return copy;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileBytes")
  void hostileBytesYieldNullAndAreCounted(String what, byte[] bytes) {
    assertNull(extract(bytes), what);
    assertEquals(1, tracer.metrics().get(Metric.EXTRACT_ERRORS), what);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileBytes")
  void hostileBytesInADirectBufferAllocateNothingTheyClaim(String what, byte[] bytes) {
    // A direct buffer has no array to decode from, so a length that was believed would be
    // allocated as a byte[]: Integer.MAX_VALUE fails with an OutOfMemoryError, never caught.
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
    direct.put(bytes).flip();
    assertNull(tracer.extract(Format.Builtin.BINARY_EXTRACT,
        BinaryAdapters.extractionCarrier(direct)), what);
    assertEquals(0, direct.position(), "a rejected context leaves the buffer as it was");
    assertEquals(1, tracer.metrics().get(Metric.EXTRACT_ERRORS), what);
  }

  @Test
  void aFloodOfHostileBytesLogsOneRateLimitedWarning() {
    try (LogCapture log = new LogCapture(SpoorTracer.class.getName())) {
      for (int i = 0; i < 1_000; i++) {
        assertNull(extract(withInt(layout(1, 2, 3, 0, 1, Map.of()), 33, -i - 1)));
      }
      assertEquals(1, log.messages().size(), log.messages().toString());
      assertTrue(log.messages().get(0).contains("baggage items"), log.messages().get(0));
      assertEquals(1_000, tracer.metrics().get(Metric.EXTRACT_ERRORS));
    }
  }

  @Test
  void aBufferTooSmallIsAnInjectErrorAndStaysUntouched() {
    Span span = tracer.buildSpan("small").start();
    ByteBuffer small = ByteBuffer.allocate(10);

    tracer.inject(span.context(), Format.Builtin.BINARY_INJECT,
        BinaryAdapters.injectionCarrier(small));

    assertEquals(1, tracer.metrics().get(Metric.INJECT_ERRORS));
    assertEquals(0, small.position());
    assertArrayEquals(new byte[10], small.array());
  }

  @Test
  void aReadOnlyBufferIsAnInjectError() {
    Span span = tracer.buildSpan("read-only").start();
    ByteBuffer readOnly = ByteBuffer.allocate(64).asReadOnlyBuffer();

    tracer.inject(span.context(), Format.Builtin.BINARY_INJECT,
        BinaryAdapters.injectionCarrier(readOnly));

    assertEquals(1, tracer.metrics().get(Metric.INJECT_ERRORS));
    assertEquals(0, readOnly.position());
  }

  @Test
  void aContextTooLargeForAReceiverIsNotWritten() {
    Span span = tracer.buildSpan("large").start();
    for (int i = 0; i < 60; i++) {
      span.setBaggageItem("item" + i, "€".repeat(2000)); // 6000 UTF-8 bytes each
    }
    BinaryCarrier carrier = BinaryCarrier.forInjection();

    tracer.inject(span.context(), Format.Builtin.BINARY, carrier);

    assertEquals(0, carrier.bytes().length);
    assertEquals(1, tracer.metrics().get(Metric.INJECT_ERRORS));
  }

  @Test
  void aPartialContextHasNoBinaryFormAndWritesNothing() {
    SpanContext partial = tracer.extract(Format.Builtin.HTTP_HEADERS,
        new TextMapAdapter(Map.of("uberctx-tenant", "acme")));
    assertNotNull(partial);

    assertEquals(0, inject(partial).length);
    assertEquals(0, tracer.metrics().get(Metric.INJECT_ERRORS));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void flagsTravelUnchanged(int flags) {
    SpoorSpanContext context = (SpoorSpanContext) extract(layout(0, 1, 2, 0, flags, Map.of()));
    assertEquals(flags, SpanContextBuilder.jaegerFlagsOf(context));
    assertArrayEquals(layout(0, 1, 2, 0, flags, Map.of()), inject(context));
  }
}
