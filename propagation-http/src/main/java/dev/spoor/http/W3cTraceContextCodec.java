package dev.spoor.http;

import dev.spoor.SpoorSpanContext;
import dev.spoor.internal.HeaderSafety;
import dev.spoor.internal.LibraryLogger;
import dev.spoor.internal.RateLimitedLogger;
import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.internal.UntrustedText;
import dev.spoor.propagation.MalformedContextException;
import dev.spoor.propagation.TextMapCodec;
import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * W3C propagation, the {@code w3c} format: Trace Context's {@code traceparent} and
 * {@code tracestate} headers, and the W3C {@code baggage} header, read and written together so
 * that baggage travels with the trace it belongs to.
 *
 * <p>On extract, an invalid {@code traceparent} (bad length, upper-case or non-hex digits,
 * all-zero ids, version {@code ff}, or the header twice) throws
 * {@link MalformedContextException}; the tracer counts it and starts a new trace. An invalid
 * {@code tracestate} is discarded and an invalid baggage member skipped, keeping the trace, as the
 * specifications say: {@code tracestate} as Trace Context Level 2 defines it (its key grammar, a
 * repeated key carried with its first entry), {@code baggage} with the W3C Baggage limits of 64
 * members and 8192 bytes. A future version is read as version 00 when it starts like one.
 *
 * <p>On inject, a 64-bit trace id is left-padded to 32 hex digits and a sampled or debug context
 * gets the sampled trace-flag ({@code 01}); Trace Context Level 2's random flag ({@code 02}) is
 * added when Spoor drew the trace id or received it with that flag (never for ids from B3 or
 * Jaeger headers); {@code tracestate} is written back as received.
 *
 * <p>Baggage is part of this format rather than a format of its own because a composite of formats
 * takes the first valid context and does not merge: a separate baggage format listed after
 * {@code w3c} would never be read when a {@code traceparent} is present.
 */
public final class W3cTraceContextCodec implements TextMapCodec {
  /** Header of the trace id, parent id and flags. */
  public static final String TRACE_PARENT_HEADER = TraceParent.HEADER;
  /** Header of other tracing systems' state, carried through. */
  public static final String TRACE_STATE_HEADER = TraceState.HEADER;
  /** Header of the baggage items. */
  public static final String BAGGAGE_HEADER = BaggageHeader.HEADER;

  private static final RateLimitedLogger WARNINGS = new RateLimitedLogger(
      LibraryLogger.of(W3cTraceContextCodec.class), 10, TimeUnit.SECONDS);

  /** Creates the codec; it holds no state and may be shared. */
  public W3cTraceContextCodec() {}

  @Override
  public void inject(SpoorSpanContext context, TextMapInject carrier) {
    if (context.hasTrace()) {
      carrier.put(TRACE_PARENT_HEADER, TraceParent.format(context));
      String traceState = context.traceState();
      if (traceState != null && !traceState.isEmpty()) {
        if (HeaderSafety.isVisibleAscii(traceState)) {
          carrier.put(TRACE_STATE_HEADER, traceState);
        } else {
          WARNINGS.warn("Not writing a tracestate with characters illegal in a header: '{}'",
              UntrustedText.forLog(traceState, UntrustedText.QUOTED_VALUE_LENGTH));
        }
      }
    }
    if (!context.baggage().isEmpty()) {
      String baggage = BaggageHeader.format(context.baggage());
      if (baggage != null) {
        carrier.put(BAGGAGE_HEADER, baggage);
      }
    }
  }

  @Override
  public SpoorSpanContext extract(TextMapExtract carrier) {
    String traceParent = null;
    boolean repeated = false;
    StringBuilder traceState = null;
    boolean traceStateTooLong = false;
    StringBuilder baggage = null;
    for (Map.Entry<String, String> entry : carrier) {
      String key = entry.getKey();
      String value = entry.getValue();
      if (key == null || value == null) {
        continue;
      }
      if (key.equalsIgnoreCase(TRACE_PARENT_HEADER)) {
        repeated |= traceParent != null;
        traceParent = value;
      } else if (key.equalsIgnoreCase(TRACE_STATE_HEADER)) {
        // §3.3.1: repeated tracestate headers are combined as RFC 9110 §5.3 says.
        if (!traceStateTooLong) {
          traceState = HeaderValues.combine(traceState, value, TraceState.MAX_RECEIVED_LENGTH);
          traceStateTooLong = traceState == null;
        }
      } else if (key.equalsIgnoreCase(BAGGAGE_HEADER)) {
        // Only the first 8192 characters are read: copy one more, so the parser still sees that
        // the value went on, and nothing past it, however large the header.
        baggage = HeaderValues.joinCapped(baggage, value, BaggageHeader.MAX_LENGTH + 1);
      }
    }
    SpanContextBuilder context = null;
    if (repeated) {
      // The W3C test suite expects a new trace when traceparent is sent twice.
      throw new MalformedContextException(TRACE_PARENT_HEADER + " appears more than once");
    }
    if (traceParent != null) {
      context = TraceParent.parse(traceParent).traceState(
          traceState(traceState == null ? null : traceState.toString(), traceStateTooLong));
    }
    Map<String, String> items = null;
    if (baggage != null) {
      items = new HashMap<>();
      BaggageHeader.parse(baggage.toString(), items);
    }
    // The items map was built here and is not used again: the context keeps it without a copy.
    if (context != null) {
      return context.ownedBaggage(items).build();
    }
    return items == null || items.isEmpty() ? null
        : new SpanContextBuilder().ownedBaggage(items).build();
  }

  /** §3.3: a bad tracestate is discarded without affecting traceparent. */
  private static String traceState(String received, boolean tooLong) {
    if (tooLong) {
      WARNINGS.warn("Discarded an incoming tracestate longer than {} characters",
          TraceState.MAX_RECEIVED_LENGTH);
      return null;
    }
    if (received == null) {
      return null;
    }
    try {
      return TraceState.normalize(received);
    } catch (MalformedContextException e) {
      WARNINGS.warn("Discarded an incoming tracestate: {}", e.getMessage());
      return null;
    }
  }

  @Override
  public String toString() {
    return "W3cTraceContextCodec";
  }
}
