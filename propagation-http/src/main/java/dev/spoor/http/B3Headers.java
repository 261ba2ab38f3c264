package dev.spoor.http;

import dev.spoor.SpoorSpanContext;
import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.internal.HexCodec;
import dev.spoor.internal.UntrustedText;
import dev.spoor.propagation.MalformedContextException;
import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;
import java.util.Map;

/**
 * Reading and writing B3 (openzipkin/b3-propagation): the single {@code b3} header and the
 * {@code X-B3-*} headers. Both codecs read both forms, the single header first, as Brave and
 * OpenTelemetry do, so a service configured for one form still understands a peer that sends the
 * other; they differ only in what they write.
 */
final class B3Headers {
  static final String SINGLE = "b3";
  static final String TRACE_ID = "X-B3-TraceId";
  static final String SPAN_ID = "X-B3-SpanId";
  static final String PARENT_SPAN_ID = "X-B3-ParentSpanId";
  static final String SAMPLED = "X-B3-Sampled";
  static final String FLAGS = "X-B3-Flags";

  /** How many B3 headers there are, and the index of each in the values read. */
  private static final int HEADER_COUNT = 6;
  private static final int SINGLE_INDEX = 0;
  private static final int TRACE_ID_INDEX = 1;
  private static final int SPAN_ID_INDEX = 2;
  private static final int PARENT_SPAN_ID_INDEX = 3;
  private static final int SAMPLED_INDEX = 4;
  private static final int FLAGS_INDEX = 5;

  /** 32 + 1 + 16 + 2 + 17 characters, the longest valid single header, and room for OWS. */
  private static final int MAX_SINGLE_LENGTH = 68 + 8;
  private static final int MAX_MULTI_LENGTH = 64;
  /** What {@link #multiDecision} returns when the headers leave sampling to the local sampler. */
  private static final int DEFERRED = -1;
  /** Sampling states of {@link #multiDecision} and {@link #samplingState}: accept, and debug. */
  private static final byte ACCEPT_STATE = 1;
  private static final byte DEBUG_STATE = 3; // "Debug implies an accept decision."

  private B3Headers() {}

  /**
   * The B3 context in {@code carrier}, with the baggage of {@code baggage-*} headers, or null when
   * it has neither. A carrier with only a sampling decision and no ids ({@code b3: 0}, a lone
   * {@code X-B3-Sampled} or {@code X-B3-Flags: 1}) yields a partial context carrying the decision,
   * which the next trace keeps (b3-propagation, "Sampling State" and "Debug Flag").
   *
   * @throws MalformedContextException when the ids or flags present are invalid or repeated
   */
  static SpoorSpanContext extract(TextMapExtract carrier) {
    String[] values = new String[HEADER_COUNT];
    Map<String, String> baggage = null;
    boolean repeatedSingle = false;
    boolean repeatedMulti = false;
    for (Map.Entry<String, String> entry : carrier) {
      String key = entry.getKey();
      String value = entry.getValue();
      if (key == null || value == null || key.length() < 2) {
        continue;
      }
      if (B3Baggage.isBaggageHeader(key)) {
        baggage = B3Baggage.add(baggage, key, value);
        continue;
      }
      int i = indexOf(key);
      if (i < 0) {
        continue;
      }
      if (values[i] != null) {
        repeatedSingle |= i == SINGLE_INDEX;
        repeatedMulti |= i != SINGLE_INDEX;
      }
      values[i] = value;
    }
    // The baggage map was built here and is not used again: the context keeps it without a copy,
    // and the ids and baggage go into one context rather than a chain of copies.
    return ids(values, repeatedSingle, repeatedMulti, baggage);
  }

  /**
   * The index of the B3 header {@code key} names (header names have no case), or -1: names of
   * another length are not compared at all, and only two B3 names share a length.
   */
  private static int indexOf(String key) {
    switch (key.length()) {
      case 2:
        return key.equalsIgnoreCase(SINGLE) ? SINGLE_INDEX : -1;
      case 10:
        return key.equalsIgnoreCase(FLAGS) ? FLAGS_INDEX : -1;
      case 11:
        return key.equalsIgnoreCase(SPAN_ID) ? SPAN_ID_INDEX : -1;
      case 12:
        return key.equalsIgnoreCase(TRACE_ID) ? TRACE_ID_INDEX
            : key.equalsIgnoreCase(SAMPLED) ? SAMPLED_INDEX : -1;
      case 17:
        return key.equalsIgnoreCase(PARENT_SPAN_ID) ? PARENT_SPAN_ID_INDEX : -1;
      default:
        return -1;
    }
  }

  private static SpoorSpanContext ids(String[] values, boolean repeatedSingle,
      boolean repeatedMulti, Map<String, String> baggage) {
    String single = values[SINGLE_INDEX];
    String traceId = values[TRACE_ID_INDEX];
    String spanId = values[SPAN_ID_INDEX];
    MalformedContextException singleError = null;
    if (single != null) {
      try {
        if (repeatedSingle) {
          throw new MalformedContextException(SINGLE + " appears more than once");
        }
        SpoorSpanContext context = parseSingle(single, baggage);
        if (context.hasTrace() || traceId == null) {
          return context; // a lone decision gives way to X-B3-* ids
        }
      } catch (MalformedContextException e) {
        singleError = e; // a valid X-B3-* set may still follow
      }
    }
    if (traceId == null && spanId == null) {
      if (singleError != null) {
        throw singleError;
      }
      if (repeatedMulti) {
        throw new MalformedContextException("an X-B3-* header appears more than once");
      }
      int decision = multiDecision(values[SAMPLED_INDEX], values[FLAGS_INDEX]);
      if (decision != DEFERRED) {
        return decisionOnly((byte) decision, baggage);
      }
      return baggage == null ? null : new SpanContextBuilder().ownedBaggage(baggage).build();
    }
    if (repeatedMulti) {
      throw new MalformedContextException("an X-B3-* header appears more than once");
    }
    return parseMulti(traceId, spanId, values[PARENT_SPAN_ID_INDEX], values[SAMPLED_INDEX],
        values[FLAGS_INDEX], baggage);
  }

  /**
   * Parses {@code {traceid}-{spanid}[-{1|0|d}[-{parentspanid}]]}, or a lone {@code 1|0|d} into a
   * partial context that carries only the decision; the context keeps {@code baggage} (may be
   * null) without a copy.
   */
  static SpoorSpanContext parseSingle(String raw, Map<String, String> baggage) {
    if (raw.length() > MAX_SINGLE_LENGTH) {
      throw new MalformedContextException(SINGLE + " is too long (" + raw.length() + ")");
    }
    String value = HeaderValues.trimOws(raw);
    if (value.length() == 1) {
      return decisionOnly(samplingState(value.charAt(0), value), baggage);
    }
    int traceLength = value.indexOf('-');
    if (traceLength != 16 && traceLength != 32) {
      throw malformed(SINGLE, "has a trace id that is not 16 or 32 hex digits", value);
    }
    int spanStart = traceLength + 1;
    int spanEnd = spanStart + 16;
    if (value.length() < spanEnd) {
      throw malformed(SINGLE, "has a span id that is not 16 hex digits", value);
    }
    byte flags = 0;
    boolean deferred = true;
    long parentId = 0L;
    if (value.length() > spanEnd) {
      if (value.charAt(spanEnd) != '-' || value.length() < spanEnd + 2) {
        throw malformed(SINGLE, "has a span id that is not 16 hex digits", value);
      }
      flags = samplingState(value.charAt(spanEnd + 1), value);
      deferred = false;
      int parentStart = spanEnd + 3;
      if (value.length() > spanEnd + 2) {
        if (value.charAt(spanEnd + 2) != '-' || value.length() != parentStart + 16) {
          throw malformed(SINGLE, "has an invalid sampling state or parent span id", value);
        }
        parentId = parseParent(value, parentStart, SINGLE);
      }
    }
    return context(value, 0, traceLength, value, spanStart, parentId, flags, deferred, SINGLE,
        baggage);
  }

  private static byte samplingState(char state, String value) {
    switch (state) {
      case '1':
        return ACCEPT_STATE;
      case '0':
        return 0;
      case 'd':
        return DEBUG_STATE;
      default:
        throw malformed(SINGLE, "has an invalid sampling state", value);
    }
  }

  static SpoorSpanContext parseMulti(String rawTraceId, String rawSpanId, String rawParentId,
      String sampled, String flags, Map<String, String> baggage) {
    if (rawTraceId == null || rawSpanId == null) {
      throw new MalformedContextException(TRACE_ID + " and " + SPAN_ID + " must come together");
    }
    String traceId = trimmed(rawTraceId, TRACE_ID);
    String spanId = trimmed(rawSpanId, SPAN_ID);
    if (traceId.length() != 16 && traceId.length() != 32) {
      throw malformed(TRACE_ID, "is not 16 or 32 hex digits", traceId);
    }
    if (spanId.length() != 16) {
      throw malformed(SPAN_ID, "is not 16 hex digits", spanId);
    }
    long parentId = 0L;
    if (rawParentId != null) {
      String parent = trimmed(rawParentId, PARENT_SPAN_ID);
      if (parent.length() != 16) {
        throw malformed(PARENT_SPAN_ID, "is not 16 hex digits", parent);
      }
      parentId = parseParent(parent, 0, PARENT_SPAN_ID);
    }
    int decision = multiDecision(sampled, flags);
    boolean deferred = decision == DEFERRED;
    return context(traceId, 0, traceId.length(), spanId, 0, parentId,
        deferred ? 0 : (byte) decision, deferred, TRACE_ID, baggage);
  }

  /** The Spoor flags of {@code X-B3-Flags} and {@code X-B3-Sampled}, or {@link #DEFERRED}. */
  private static int multiDecision(String sampled, String flags) {
    // "Debug is encoded as X-B3-Flags: 1. Debug implies an accept decision."
    if (flags != null && "1".equals(HeaderValues.trimOws(flags))) {
      return DEBUG_STATE;
    }
    if (sampled == null) {
      return DEFERRED;
    }
    String decision = HeaderValues.trimOws(sampled);
    // The spec writes 1 and 0; older tracers wrote true and false, so read those leniently.
    if ("1".equals(decision) || "true".equalsIgnoreCase(decision)) {
      return ACCEPT_STATE;
    }
    if ("0".equals(decision) || "false".equalsIgnoreCase(decision)) {
      return 0;
    }
    throw malformed(SAMPLED, "is not 1 or 0", decision);
  }

  /**
   * A partial context with no ids that carries an upstream decision for the next trace, and
   * {@code baggage} (may be null).
   */
  private static SpoorSpanContext decisionOnly(byte flags, Map<String, String> baggage) {
    return new SpanContextBuilder().sampled((flags & ACCEPT_STATE) != 0)
        .debug((flags & DEBUG_STATE) == DEBUG_STATE).ownedBaggage(baggage).build();
  }

  // Parsing comes first and validation only when it returns 0: parseLowerHex64 returns 0 for any
  // non-hex digit, so a non-zero result is valid hex and each id is read in one pass.
  private static SpoorSpanContext context(String traceSource, int traceStart, int traceLength,
      String spanSource, int spanStart, long parentId, byte flags, boolean deferred,
      String header, Map<String, String> baggage) {
    boolean wide = traceLength == 32;
    long high = wide ? HexCodec.parseLowerHex64(traceSource, traceStart, 16) : 0L;
    long low = HexCodec.parseLowerHex64(traceSource, traceStart + traceLength - 16, 16);
    if ((wide && high == 0L) || low == 0L) {
      if (!HexCodec.isHex(traceSource, traceStart, traceLength, true)) {
        throw malformed(header, "has a trace id that is not lower-case hex", traceSource);
      }
      if (high == 0L && low == 0L) {
        throw malformed(header, "has an all-zero trace id", traceSource);
      }
    }
    long spanId = HexCodec.parseLowerHex64(spanSource, spanStart, 16);
    if (spanId == 0L) { // zero or not hex
      throw malformed(header, "has a zero or non-hex span id", spanSource);
    }
    // A 32-digit id keeps its width even when its upper half is zero (B3 allows 16 or 32 digits).
    SpanContextBuilder context = new SpanContextBuilder().traceIdHigh(high).traceIdLow(low)
        .traceId128Bit(wide).spanId(spanId).parentId(parentId).ownedBaggage(baggage);
    if (!deferred) {
      context.sampled((flags & ACCEPT_STATE) != 0).debug((flags & DEBUG_STATE) == DEBUG_STATE);
    }
    return context.build();
  }

  private static long parseParent(String value, int start, String header) {
    long parentId = HexCodec.parseLowerHex64(value, start, 16);
    if (parentId == 0L && !HexCodec.isHex(value, start, 16, true)) {
      throw malformed(header, "has a parent span id that is not lower-case hex", value);
    }
    return parentId; // 0 reads as "no parent"
  }

  /** Writes {@code X-B3-*}; a debug context is written as {@code X-B3-Flags: 1} only. */
  static void injectMulti(SpoorSpanContext context, TextMapInject carrier) {
    carrier.put(TRACE_ID, context.toTraceId());
    carrier.put(SPAN_ID, context.toSpanId());
    if (context.parentId() != 0L) {
      carrier.put(PARENT_SPAN_ID, HexCodec.toHex16(context.parentId()));
    }
    if (context.isDebug()) {
      carrier.put(FLAGS, "1");
    } else if (!context.isSamplingDeferred()) {
      carrier.put(SAMPLED, context.isSampled() ? "1" : "0");
    }
  }

  /** Writes {@code b3: {traceid}-{spanid}[-{1|0|d}[-{parentspanid}]]}. */
  static String formatSingle(SpoorSpanContext context) {
    // One concatenation per shape, so the value is built once, without an intermediate string.
    String traceId = context.toTraceId();
    String spanId = context.toSpanId();
    if (context.isSamplingDeferred() && !context.isDebug()) {
      return traceId + '-' + spanId; // the parent id may only follow a sampling state
    }
    char state = context.isDebug() ? 'd' : context.isSampled() ? '1' : '0';
    return context.parentId() == 0L
        ? traceId + '-' + spanId + '-' + state
        : traceId + '-' + spanId + '-' + state + '-' + HexCodec.toHex16(context.parentId());
  }

  private static String trimmed(String value, String header) {
    if (value.length() > MAX_MULTI_LENGTH) {
      throw new MalformedContextException(header + " is too long (" + value.length() + ")");
    }
    return HeaderValues.trimOws(value);
  }

  private static MalformedContextException malformed(String header, String problem, String value) {
    return new MalformedContextException(
        header + " " + problem + ": '"
            + UntrustedText.forLog(value, UntrustedText.QUOTED_VALUE_LENGTH) + "'");
  }
}
