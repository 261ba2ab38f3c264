package dev.spoor.propagation;

import dev.spoor.SpoorSpanContext;
import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.internal.HeaderSafety;
import dev.spoor.internal.HexCodec;
import dev.spoor.internal.LibraryLogger;
import dev.spoor.internal.PercentCodec;
import dev.spoor.internal.RateLimitedLogger;
import dev.spoor.internal.UntrustedText;
import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Jaeger's native propagation, as jaeger-client-java writes and reads it:
 *
 * <ul>
 *   <li>{@code uber-trace-id: {trace-id}:{span-id}:{parent-span-id}:{flags}}, ids in hex (trace id
 *       of up to 32 digits), flags in hex; the value may be URL-encoded ({@code %3A});
 *   <li>{@code uberctx-{key}: {percent-encoded value}} per baggage item (keys are read lower case;
 *       a space is written {@code %20}, which every Jaeger client decodes, and a received
 *       {@code +} is read as a space, as jaeger-client-java writes it);
 *   <li>{@code jaeger-debug-id: {id}} without {@code uber-trace-id}: start a sampled debug trace
 *       that carries the id as a tag;
 *   <li>{@code jaeger-baggage: k1=v1, k2=v2}: baggage set by a client without a tracer,
 *       percent-decoded as a whole first, as the Jaeger clients do.
 * </ul>
 */
public final class JaegerCodec implements TextMapCodec {
  /** The trace context header. */
  public static final String TRACE_ID_HEADER = "uber-trace-id";
  /** Prefix of baggage headers. */
  public static final String BAGGAGE_PREFIX = "uberctx-";
  /** Header that forces a debug trace. */
  public static final String DEBUG_ID_HEADER = "jaeger-debug-id";
  /** Header with ad-hoc baggage. */
  public static final String BAGGAGE_HEADER = "jaeger-baggage";

  // 32 + 16 + 16 + 2 hex digits and 3 separators, URL-encoded at worst: far below this.
  private static final int MAX_TRACE_ID_HEADER_LENGTH = 256;
  private static final int MAX_DEBUG_ID_LENGTH = 256;
  // How much of a received name or value a warning quotes.
  private static final int QUOTED = UntrustedText.QUOTED_VALUE_LENGTH;
  // One limiter per kind, so that a flood of one cannot hide the other; per codec, so per tracer.
  private final RateLimitedLogger badBaggageWarnings = warnings();
  private final RateLimitedLogger unwritableBaggageWarnings = warnings();

  private static RateLimitedLogger warnings() {
    return new RateLimitedLogger(LibraryLogger.of(JaegerCodec.class), 10, TimeUnit.SECONDS);
  }

  @Override
  public void inject(SpoorSpanContext context, TextMapInject carrier) {
    if (context.hasTrace()) {
      carrier.put(TRACE_ID_HEADER, traceHeader(context));
    }
    for (Map.Entry<String, String> item : context.baggage().entrySet()) {
      String key = item.getKey();
      if (HeaderSafety.isToken(key)) {
        carrier.put(BAGGAGE_PREFIX + key, encode(item.getValue()));
      } else {
        unwritableBaggageWarnings.warn("Left baggage item '{}' out of the Jaeger headers: its key "
            + "is not a header token (RFC 9110 §5.6.2)", UntrustedText.forLog(key, QUOTED));
      }
    }
  }

  /**
   * {@code trace:span:parent:flags} as jaeger-client-java writes it (parent and flags in hex
   * without leading zeros, as its {@code Long.toHexString}), but the trace id in 16 or 32 digits
   * and the span id in 16: built in one array, without the temporary strings of the ids.
   */
  static String traceHeader(SpoorSpanContext context) {
    int traceLength = context.isTraceId128Bit() ? 32 : 16;
    long parentId = context.parentId();
    int parentLength = HexCodec.unpaddedLength(parentId);
    int flags = SpanContextBuilder.jaegerFlagsOf(context);
    int flagsLength = HexCodec.unpaddedLength(flags);
    char[] out = new char[traceLength + 16 + parentLength + flagsLength + 3];
    int at = 0;
    if (traceLength == 32) {
      HexCodec.writeHex16(context.traceIdHigh(), out, at);
      at += 16;
    }
    HexCodec.writeHex16(context.traceIdLow(), out, at);
    at += 16;
    out[at++] = ':';
    HexCodec.writeHex16(context.spanId(), out, at);
    at += 16;
    out[at++] = ':';
    HexCodec.writeHex(parentId, parentLength, out, at);
    at += parentLength;
    out[at++] = ':';
    HexCodec.writeHex(flags, flagsLength, out, at);
    return new String(out);
  }

  @Override
  public SpoorSpanContext extract(TextMapExtract carrier) {
    String traceHeader = null;
    String debugId = null;
    Map<String, String> baggage = null;
    for (Map.Entry<String, String> entry : carrier) {
      String key = entry.getKey();
      String value = entry.getValue();
      if (key == null || value == null) {
        continue;
      }
      if (traceHeader == null && key.equalsIgnoreCase(TRACE_ID_HEADER)) {
        traceHeader = value;
      } else if (key.length() > BAGGAGE_PREFIX.length()
          && key.regionMatches(true, 0, BAGGAGE_PREFIX, 0, BAGGAGE_PREFIX.length())) {
        if (baggage == null) {
          baggage = new HashMap<>();
        }
        String item = decodeBaggage(value, key);
        if (item != null) {
          baggage.put(key.substring(BAGGAGE_PREFIX.length()).toLowerCase(Locale.ROOT), item);
        }
      } else if (debugId == null && key.equalsIgnoreCase(DEBUG_ID_HEADER)) {
        if (value.length() <= MAX_DEBUG_ID_LENGTH && HeaderSafety.isVisibleAscii(value)) {
          debugId = value;
        }
      } else if (key.equalsIgnoreCase(BAGGAGE_HEADER)) {
        if (baggage == null) {
          baggage = new HashMap<>();
        }
        parseBaggageHeader(value, baggage);
      }
    }
    // The baggage map was built here and is not used again: the context keeps it without a copy.
    if (traceHeader != null) {
      return parseTraceHeader(traceHeader, baggage);
    }
    if (debugId != null || baggage != null) {
      return new SpanContextBuilder().debugId(debugId).ownedBaggage(baggage).build();
    }
    return null;
  }

  /**
   * Parses {@code trace:span:parent:flags} into a context that keeps {@code baggage} (not copied);
   * throws {@link MalformedContextException} if invalid.
   */
  private static SpoorSpanContext parseTraceHeader(String value, Map<String, String> baggage) {
    if (value.length() > MAX_TRACE_ID_HEADER_LENGTH) {
      throw new MalformedContextException(
          TRACE_ID_HEADER + " is too long (" + value.length() + " characters)");
    }
    if (value.indexOf('%') >= 0) {
      value = decode(value, TRACE_ID_HEADER);
    }
    int first = value.indexOf(':');
    int second = first < 0 ? -1 : value.indexOf(':', first + 1);
    int third = second < 0 ? -1 : value.indexOf(':', second + 1);
    if (third < 0 || value.indexOf(':', third + 1) >= 0) {
      throw malformed("does not have four ':'-separated fields", value);
    }
    int traceLength = first;
    if (traceLength < 1 || traceLength > 32) {
      throw malformed("has a trace id of bad length", value);
    }
    long high = 0;
    long low;
    if (traceLength > 16) {
      high = HexCodec.parseHex64(value, 0, traceLength - 16);
      low = HexCodec.parseHex64(value, traceLength - 16, 16);
      if (!HexCodec.isHex(value, 0, traceLength, false)) {
        throw malformed("has a non-hex trace id", value);
      }
    } else {
      low = HexCodec.parseHex64(value, 0, traceLength);
    }
    if (high == 0 && low == 0) {
      throw malformed("has a zero or non-hex trace id", value);
    }
    long spanId = HexCodec.parseHex64(value, first + 1, second - first - 1);
    if (spanId == 0) {
      throw malformed("has a zero or non-hex span id", value);
    }
    int parentLength = third - second - 1;
    long parentId = HexCodec.parseHex64(value, second + 1, parentLength);
    if (parentId == 0 && !HexCodec.isHex(value, second + 1, parentLength, false)
        || parentLength == 0 || parentLength > 16) {
      throw malformed("has a non-hex parent id", value);
    }
    int flagsLength = value.length() - third - 1;
    if (flagsLength < 1 || flagsLength > 2 || !HexCodec.isHex(value, third + 1, flagsLength, false)) {
      throw malformed("has bad flags", value);
    }
    byte flags = (byte) HexCodec.parseHex64(value, third + 1, flagsLength);
    // More than 16 digits is a 128-bit id, even with a zero upper half: keep its width.
    return new SpanContextBuilder().traceIdHigh(high).traceIdLow(low)
        .traceId128Bit(traceLength > 16).spanId(spanId).parentId(parentId)
        .jaegerFlags(flags).ownedBaggage(baggage).build();
  }

  /**
   * {@code k1=v1, k2=v2}: percent-decoded as a whole before it is split, as jaeger-client-java
   * ({@code URLDecoder}), jaeger-client-go ({@code QueryUnescape}) and jaeger-client-node do, so an
   * item reads the same in all of them; a bad escape drops the header, as in the Go client.
   */
  private void parseBaggageHeader(String raw, Map<String, String> baggage) {
    String value = PercentCodec.JAEGER.decode(raw);
    if (value == null) {
      badBaggageWarnings.warn("Dropped incoming baggage header {}: bad percent-encoding",
          BAGGAGE_HEADER);
      return;
    }
    int start = 0;
    int length = value.length();
    while (start < length) {
      int comma = value.indexOf(',', start);
      int end = comma < 0 ? length : comma;
      int equals = value.indexOf('=', start);
      if (equals > start && equals < end) {
        String key = value.substring(start, equals).trim();
        String item = value.substring(equals + 1, end).trim();
        if (!key.isEmpty()) {
          baggage.put(key, item);
        }
      }
      start = end + 1;
    }
  }

  private static MalformedContextException malformed(String problem, String value) {
    return new MalformedContextException(TRACE_ID_HEADER + " " + problem + ": '"
        + UntrustedText.forLog(value, QUOTED) + "'");
  }

  /**
   * A baggage value as {@code uberctx-*} carries it: percent-encoded UTF-8 with a space as
   * {@code %20} (see {@link PercentCodec#JAEGER}); the value itself when it needs no escape.
   */
  static String encode(String value) {
    return PercentCodec.JAEGER.encode(value);
  }

  // One bad item must not cost the trace and the other items: skip it, keep the context.
  private String decodeBaggage(String value, String header) {
    try {
      return decode(value, header);
    } catch (MalformedContextException e) {
      badBaggageWarnings.warn("Dropped incoming baggage header {}: bad percent-encoding",
          UntrustedText.forLog(header, QUOTED));
      return null;
    }
  }

  /** Percent-decodes a received value, {@code +} as a space, as jaeger-client-java's URLDecoder. */
  private static String decode(String value, String header) {
    String decoded = PercentCodec.JAEGER.decode(value);
    if (decoded == null) {
      throw new MalformedContextException(
          UntrustedText.forLog(header, QUOTED) + " has a bad percent-encoding");
    }
    return decoded;
  }

  @Override
  public String toString() {
    return "JaegerCodec";
  }
}
