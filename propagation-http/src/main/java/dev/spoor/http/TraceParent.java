package dev.spoor.http;

import dev.spoor.SpoorSpanContext;
import dev.spoor.internal.HexCodec;
import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.internal.UntrustedText;
import dev.spoor.propagation.MalformedContextException;

/**
 * The W3C {@code traceparent} header: {@code version-traceid-parentid-flags}, all lower-case hex
 * (W3C Trace Context §3.2).
 */
final class TraceParent {
  static final String HEADER = "traceparent";

  /** Length of a version 00 value: 2 + 1 + 32 + 1 + 16 + 1 + 2 (§3.2.2). */
  static final int VERSION_00_LENGTH = 55;

  /**
   * Future versions may be longer (§3.2.4: "only disallow prohibitively large headers"); far longer
   * values are refused before any other work.
   */
  static final int MAX_LENGTH = 512;

  private static final int TRACE_ID_OFFSET = 3;
  private static final int PARENT_ID_OFFSET = 36;
  private static final int FLAGS_OFFSET = 53;
  private static final byte W3C_SAMPLED = 1; // §3.2.2.5.1: the least significant bit
  // Trace Context Level 2 §3.2.2.5.2: the right-most 7 bytes of the trace-id are random. A Level 1
  // parser ignores it, as it ignores every bit but sampled (§3.2.2.5).
  private static final byte W3C_RANDOM = 2;

  private TraceParent() {}

  /**
   * Parses a received value into a builder holding its ids and flags, to which the codec adds
   * {@code tracestate} and baggage; OWS around the value is allowed (the W3C test suite sends it).
   *
   * @throws MalformedContextException when the value is not valid as §3.2 and §3.2.4 say
   */
  static SpanContextBuilder parse(String raw) {
    if (raw.length() > MAX_LENGTH) {
      throw new MalformedContextException(
          HEADER + " is too long (" + raw.length() + " characters)");
    }
    String value = HeaderValues.trimOws(raw);
    // §3.2.2.1: version is 2 lower-case hex digits followed by '-'; ff is forbidden.
    if (value.length() < 3 || !HexCodec.isHex(value, 0, 2, true) || value.charAt(2) != '-') {
      throw malformed("has no valid version", value);
    }
    boolean version00 = value.charAt(0) == '0' && value.charAt(1) == '0';
    if (value.charAt(0) == 'f' && value.charAt(1) == 'f') {
      throw malformed("has the forbidden version ff", value);
    }
    if (version00) {
      if (value.length() != VERSION_00_LENGTH) {
        throw malformed("of version 00 is not 55 characters long", value);
      }
    } else if (value.length() < VERSION_00_LENGTH
        || (value.length() > VERSION_00_LENGTH && value.charAt(VERSION_00_LENGTH) != '-')) {
      // §3.2.4: a higher version is read as 00 when its first fields have 00's layout and the
      // flags are followed by the end of the value or a '-'.
      throw malformed("of a future version does not start like version 00", value);
    }
    if (!HexCodec.isHex(value, TRACE_ID_OFFSET, 32, true)
        || value.charAt(TRACE_ID_OFFSET + 32) != '-') {
      throw malformed("has a trace-id that is not 32 lower-case hex digits", value);
    }
    long high = HexCodec.parseLowerHex64(value, TRACE_ID_OFFSET, 16);
    long low = HexCodec.parseLowerHex64(value, TRACE_ID_OFFSET + 16, 16);
    if (high == 0 && low == 0) {
      throw malformed("has an all-zero trace-id", value); // §3.2.2.3
    }
    if (!HexCodec.isHex(value, PARENT_ID_OFFSET, 16, true)
        || value.charAt(PARENT_ID_OFFSET + 16) != '-') {
      throw malformed("has a parent-id that is not 16 lower-case hex digits", value);
    }
    long parentId = HexCodec.parseLowerHex64(value, PARENT_ID_OFFSET, 16);
    if (parentId == 0) {
      throw malformed("has an all-zero parent-id", value); // §3.2.2.4
    }
    if (!HexCodec.isHex(value, FLAGS_OFFSET, 2, true)) {
      throw malformed("has trace-flags that are not 2 lower-case hex digits", value);
    }
    // §3.2.2.5: flags are a bit field; "sampled" and Level 2's "random" are read, others ignored.
    long flags = HexCodec.parseLowerHex64(value, FLAGS_OFFSET, 2);
    // The id was written as 32 hex digits (W3C Trace Context §3.2.2.3): keep that width even when
    // its upper half is zero, so it is injected again as it arrived.
    return new SpanContextBuilder().traceIdHigh(high).traceIdLow(low).traceId128Bit(true)
        .spanId(parentId).sampled((flags & W3C_SAMPLED) != 0)
        .traceIdRandom((flags & W3C_RANDOM) != 0);
  }

  /**
   * Formats {@code context} as a version 00 value; a 64-bit trace id is left-padded with zeros.
   * A debug context is written as sampled (W3C has no debug flag); Level 2's random flag is set
   * when the context knows its trace id is random, and every other bit is zero (§3.2.2.5).
   */
  static String format(SpoorSpanContext context) {
    char[] out = new char[VERSION_00_LENGTH];
    out[0] = '0';
    out[1] = '0';
    out[2] = '-';
    HexCodec.writeHex16(context.traceIdHigh(), out, TRACE_ID_OFFSET);
    HexCodec.writeHex16(context.traceIdLow(), out, TRACE_ID_OFFSET + 16);
    out[TRACE_ID_OFFSET + 32] = '-';
    HexCodec.writeHex16(context.spanId(), out, PARENT_ID_OFFSET);
    out[PARENT_ID_OFFSET + 16] = '-';
    out[FLAGS_OFFSET] = '0';
    int flags = (context.isSampled() || context.isDebug() ? W3C_SAMPLED : 0)
        | (context.isTraceIdRandom() ? W3C_RANDOM : 0);
    out[FLAGS_OFFSET + 1] = (char) ('0' + flags);
    return new String(out);
  }

  private static MalformedContextException malformed(String problem, String value) {
    return new MalformedContextException(HEADER + " " + problem + ": '"
        + UntrustedText.forLog(value, UntrustedText.QUOTED_VALUE_LENGTH) + "'");
  }
}
