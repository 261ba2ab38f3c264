package dev.spoor.propagation;

import dev.spoor.SpoorSpanContext;
import dev.spoor.internal.SpanContextBuilder;
import io.opentracing.propagation.BinaryExtract;
import io.opentracing.propagation.BinaryInject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Jaeger's binary propagation ({@code Format.Builtin.BINARY}, {@code BINARY_INJECT},
 * {@code BINARY_EXTRACT}), byte for byte as jaeger-client-java's {@code BinaryCodec} and
 * jaeger-client-go's binary propagator lay it out, big-endian whatever the buffer's byte order:
 *
 * <pre>
 * trace id high (8) | trace id low (8) | span id (8) | parent id (8) | flags (1)
 * | baggage count (4) | { key length (4) | key (UTF-8) | value length (4) | value (UTF-8) } ...
 * </pre>
 *
 * <p>Reads from the buffer's position and, on success, leaves the position after the context, so
 * a message may carry other data after it. Bytes that are not a context (truncated, a negative
 * count or length, a length beyond the buffer, zero ids, more than {@value #MAX_CONTEXT_BYTES}
 * bytes) throw {@link MalformedContextException}, which the tracer counts and warns about; nothing
 * is allocated beyond what the buffer's own bytes account for. A context larger than that is not
 * written either (an inject error), and a partial context (baggage without a trace) has no binary
 * form and writes nothing.
 */
public final class JaegerBinaryCodec implements Injector<BinaryInject>, Extractor<BinaryExtract> {
  /** Bytes of the fixed part: four ids, the flags and the baggage count. */
  static final int FIXED_BYTES = 8 + 8 + 8 + 8 + 1 + 4;
  /**
   * The largest context read: 64 baggage items of 2048 ASCII characters (the default limits) take
   * about 132 KB. Larger input is not a context but a bug or an attack.
   */
  public static final int MAX_CONTEXT_BYTES = 256 * 1024;
  // Every baggage item takes at least its two length fields.
  private static final int MIN_ITEM_BYTES = 4 + 4;

  @Override
  public void inject(SpoorSpanContext context, BinaryInject carrier) {
    if (!context.hasTrace()) {
      return;
    }
    Map<String, String> baggage = context.baggage();
    byte[][] items = new byte[baggage.size() * 2][];
    int size = FIXED_BYTES;
    int at = 0;
    for (Map.Entry<String, String> item : baggage.entrySet()) {
      byte[] key = item.getKey().getBytes(StandardCharsets.UTF_8);
      byte[] value = item.getValue().getBytes(StandardCharsets.UTF_8);
      items[at++] = key;
      items[at++] = value;
      size += MIN_ITEM_BYTES + key.length + value.length;
      if (size > MAX_CONTEXT_BYTES) {
        // Spoor would refuse these bytes as a receiver: do not send them.
        throw new IllegalStateException("the context's baggage takes more than "
            + MAX_CONTEXT_BYTES + " bytes in binary form");
      }
    }
    ByteBuffer target = injectionBuffer(carrier, size);
    ByteBuffer out = target.duplicate().order(ByteOrder.BIG_ENDIAN);
    out.putLong(context.traceIdHigh())
        .putLong(context.traceIdLow())
        .putLong(context.spanId())
        .putLong(context.parentId())
        .put((byte) SpanContextBuilder.jaegerFlagsOf(context))
        .putInt(baggage.size());
    for (byte[] bytes : items) {
      out.putInt(bytes.length).put(bytes);
    }
    target.position(out.position());
  }

  /**
   * The carrier's buffer with room for {@code size} bytes, checked before anything is written so a
   * buffer that is too small is left as it was. OpenTracing's {@code BinaryAdapters} answers a
   * buffer that is too small with an {@link AssertionError}: turned into an exception the tracer
   * catches, as no tracing failure may reach the application.
   */
  private static ByteBuffer injectionBuffer(BinaryInject carrier, int size) {
    ByteBuffer buffer;
    try {
      buffer = carrier.injectionBuffer(size);
    } catch (AssertionError e) {
      throw new IllegalStateException(
          "the carrier has no room for the " + size + " bytes of the context", e);
    }
    if (buffer == null) {
      throw new IllegalStateException("the carrier returned no buffer");
    }
    if (buffer.isReadOnly()) {
      throw new IllegalStateException("the carrier's buffer is read-only");
    }
    if (buffer.remaining() < size) {
      throw new IllegalStateException("the carrier's buffer has " + buffer.remaining()
          + " bytes left, the context needs " + size);
    }
    return buffer;
  }

  @Override
  public SpoorSpanContext extract(BinaryExtract carrier) {
    ByteBuffer source = carrier.extractionBuffer();
    if (source == null || !source.hasRemaining()) {
      return null;
    }
    ByteBuffer in = source.duplicate().order(ByteOrder.BIG_ENDIAN);
    int start = in.position();
    if (in.remaining() < FIXED_BYTES) {
      throw new MalformedContextException("binary context is truncated: " + in.remaining()
          + " bytes, at least " + FIXED_BYTES + " expected");
    }
    long traceIdHigh = in.getLong();
    long traceIdLow = in.getLong();
    long spanId = in.getLong();
    long parentId = in.getLong();
    byte flags = in.get();
    int count = in.getInt();
    if (traceIdHigh == 0L && traceIdLow == 0L) {
      throw new MalformedContextException("binary context has a zero trace id");
    }
    if (spanId == 0L) {
      throw new MalformedContextException("binary context has a zero span id");
    }
    if (count < 0 || count > in.remaining() / MIN_ITEM_BYTES) {
      throw new MalformedContextException("binary context claims " + count
          + " baggage items in " + in.remaining() + " bytes");
    }
    Map<String, String> baggage = null;
    if (count > 0) {
      baggage = new HashMap<>(Math.min(count, 64) * 2);
      for (int i = 0; i < count; i++) {
        String key = readString(in, start);
        baggage.put(key, readString(in, start));
      }
    }
    source.position(in.position());
    return context(traceIdHigh, traceIdLow, spanId, parentId, flags, baggage);
  }

  /** A length-prefixed UTF-8 string, checked against the buffer and the size limit. */
  private static String readString(ByteBuffer in, int start) {
    if (in.remaining() < 4) {
      throw new MalformedContextException("binary context is truncated in its baggage");
    }
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new MalformedContextException("binary context has a baggage length of " + length
          + " with " + in.remaining() + " bytes left");
    }
    if (in.position() - start + length > MAX_CONTEXT_BYTES) {
      throw new MalformedContextException(
          "binary context is larger than " + MAX_CONTEXT_BYTES + " bytes");
    }
    String value;
    if (in.hasArray()) {
      value = new String(in.array(), in.arrayOffset() + in.position(), length,
          StandardCharsets.UTF_8);
      in.position(in.position() + length);
    } else {
      byte[] bytes = new byte[length];
      in.get(bytes);
      value = new String(bytes, StandardCharsets.UTF_8);
    }
    return value;
  }

  /**
   * The one place this codec makes a context, the way {@link JaegerCodec} does: the baggage map
   * was built here and is kept without a copy. The binary form has no width bit, so a trace id
   * is 128 bits wide exactly when its upper half is not zero.
   */
  private static SpoorSpanContext context(long traceIdHigh, long traceIdLow, long spanId,
      long parentId, byte flags, Map<String, String> baggage) {
    return new SpanContextBuilder().traceIdHigh(traceIdHigh).traceIdLow(traceIdLow)
        .spanId(spanId).parentId(parentId).jaegerFlags(flags)
        .ownedBaggage(baggage).build();
  }

  @Override
  public String toString() {
    return "JaegerBinaryCodec";
  }
}
