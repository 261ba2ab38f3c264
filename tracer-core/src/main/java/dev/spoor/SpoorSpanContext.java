package dev.spoor;

import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.internal.HexCodec;
import io.opentracing.References;
import io.opentracing.SpanContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable identity of a span as it crosses threads and processes: trace id (64 or 128 bit),
 * span id, parent id, the sampling decision and baggage. Read-only: what a span's {@code context()}
 * and the tracer's {@code extract} answer, for logging, exemplars or a custom {@link
 * dev.spoor.propagation.Injector}.
 *
 * <p>Only Spoor makes contexts: the tracer for new spans, its codecs for extracted headers. A
 * context whose trace id is zero is <em>partial</em> ({@link #hasTrace()} is false) and carries
 * only baggage, a Jaeger debug id or an upstream sampling decision, as jaeger-client-java does when
 * a request has {@code jaeger-debug-id} or {@code jaeger-baggage} but no {@code uber-trace-id}, or
 * B3's {@code b3: 0}: starting a span as child of it starts a new trace that inherits that
 * baggage and decision.
 */
public final class SpoorSpanContext implements SpanContext {
  // Bits of the flags byte, Jaeger's uber-trace-id flags (other bits ride along as they came);
  // not API (see isSampled, isDebug).
  static final byte FLAG_SAMPLED = 1;
  static final byte FLAG_DEBUG = 2;

  static {
    SpanContextBuilder.install(new SpanContextBuilder.ContextFactory() {
      @Override
      protected SpoorSpanContext create(long traceIdHigh, long traceIdLow, long spanId,
          long parentId, byte jaegerFlags, boolean samplingDeferred, boolean traceId128Bit,
          boolean traceIdRandom, String traceState, String debugId, Map<String, String> baggage) {
        return new SpoorSpanContext(traceIdHigh, traceIdLow, spanId, parentId, jaegerFlags,
            samplingDeferred, baggage, debugId, traceState, traceId128Bit, traceIdRandom);
      }

      @Override
      protected byte jaegerFlags(SpoorSpanContext context) {
        return context.flags;
      }
    });
  }

  private final long traceIdHigh;
  private final long traceIdLow;
  private final long spanId;
  private final long parentId;
  private final byte flags;
  private final boolean samplingDeferred;
  private final Map<String, String> baggage;
  private final String debugId;
  private final String traceState;
  // True when the trace id is 128 bits wide even if its upper half is zero (e.g. extracted from 32
  // hex digits), so that it prints and propagates as 32 digits as it arrived.
  private final boolean traceId128Bit;
  // W3C Trace Context Level 2 §3.2.2.5.2: the right-most 7 bytes of the trace id are known to be
  // random, because Spoor drew them or because the traceparent that brought them said so.
  private final boolean traceIdRandom;
  // Lazily computed; racy single-check is fine since the value is deterministic.
  private String traceIdHex;
  private String spanIdHex;
  // The references list of every child_of child of this context, made once and shared (it is
  // immutable), so a span with many children does not allocate it per child. Racy single-check.
  private List<SpoorReference> childOfReferences;

  private SpoorSpanContext(
      long traceIdHigh,
      long traceIdLow,
      long spanId,
      long parentId,
      byte flags,
      boolean samplingDeferred,
      Map<String, String> baggage,
      String debugId,
      String traceState,
      boolean traceId128Bit,
      boolean traceIdRandom) {
    this.traceIdHigh = traceIdHigh;
    this.traceIdLow = traceIdLow;
    this.spanId = spanId;
    this.parentId = parentId;
    this.flags = flags;
    this.samplingDeferred = samplingDeferred;
    this.baggage = baggage;
    this.debugId = debugId;
    this.traceState = traceState;
    this.traceId128Bit = traceId128Bit || traceIdHigh != 0L;
    this.traceIdRandom = traceIdRandom;
  }

  /** A copy whose sampling decision is left to the local sampler. */
  SpoorSpanContext withSamplingDeferred(boolean deferred) {
    return new SpoorSpanContext(
        traceIdHigh, traceIdLow, spanId, parentId, flags, deferred, baggage, debugId, traceState,
        traceId128Bit, traceIdRandom);
  }

  /** A copy with other flags. */
  SpoorSpanContext withFlags(byte newFlags) {
    return new SpoorSpanContext(
        traceIdHigh, traceIdLow, spanId, parentId, newFlags, samplingDeferred, baggage, debugId,
        traceState, traceId128Bit, traceIdRandom);
  }

  /** A copy with the given baggage (copied), replacing the current baggage. */
  SpoorSpanContext withBaggage(Map<String, String> newBaggage) {
    return new SpoorSpanContext(
        traceIdHigh, traceIdLow, spanId, parentId, flags, samplingDeferred, copy(newBaggage),
        debugId, traceState, traceId128Bit, traceIdRandom);
  }

  /** Like {@link #withBaggage}, but keeps {@code newBaggage}, which no one else may hold. */
  SpoorSpanContext withOwnedBaggage(Map<String, String> newBaggage) {
    Map<String, String> owned = newBaggage == null || newBaggage.isEmpty()
        ? Collections.<String, String>emptyMap() : Collections.unmodifiableMap(newBaggage);
    return new SpoorSpanContext(
        traceIdHigh, traceIdLow, spanId, parentId, flags, samplingDeferred, owned, debugId,
        traceState, traceId128Bit, traceIdRandom);
  }

  /** A copy with a Jaeger debug id (null removes it). */
  SpoorSpanContext withDebugId(String newDebugId) {
    return new SpoorSpanContext(
        traceIdHigh, traceIdLow, spanId, parentId, flags, samplingDeferred, baggage, newDebugId,
        traceState, traceId128Bit, traceIdRandom);
  }

  SpoorSpanContext withBaggageItem(String key, String value) {
    Map<String, String> copy = new HashMap<>(baggage.size() + 2);
    copy.putAll(baggage);
    copy.put(key, value);
    return new SpoorSpanContext(
        traceIdHigh, traceIdLow, spanId, parentId, flags, samplingDeferred,
        Collections.unmodifiableMap(copy), debugId, traceState, traceId128Bit, traceIdRandom);
  }

  /** Creates a child's context sharing this trace; the child's baggage is this baggage. */
  static SpoorSpanContext child(
      long traceIdHigh, long traceIdLow, long spanId, long parentId, byte flags,
      Map<String, String> baggage, String traceState, boolean traceId128Bit,
      boolean traceIdRandom) {
    return new SpoorSpanContext(
        traceIdHigh, traceIdLow, spanId, parentId, flags, false, baggage, null, traceState,
        traceId128Bit, traceIdRandom);
  }

  /** {@code [child_of(this)]}: the references of a span whose only parent is this context. */
  List<SpoorReference> childOfReferences() {
    List<SpoorReference> references = childOfReferences;
    if (references == null) {
      references = Collections.singletonList(new SpoorReference(References.CHILD_OF, this));
      childOfReferences = references;
    }
    return references;
  }

  private static Map<String, String> copy(Map<String, String> baggage) {
    if (baggage == null || baggage.isEmpty()) {
      return Collections.emptyMap();
    }
    return Collections.unmodifiableMap(new HashMap<>(baggage));
  }

  /** Upper 64 bits of the trace id; 0 for a 64-bit trace id. */
  public long traceIdHigh() {
    return traceIdHigh;
  }

  /** Lower 64 bits of the trace id. */
  public long traceIdLow() {
    return traceIdLow;
  }

  /** This span's id. */
  public long spanId() {
    return spanId;
  }

  /** The parent span's id, or 0 for a root span. */
  public long parentId() {
    return parentId;
  }

  /** The flags byte: {@link #FLAG_SAMPLED}, {@link #FLAG_DEBUG}. */
  byte flags() {
    return flags;
  }

  /** True when spans of this trace are recorded and reported. */
  public boolean isSampled() {
    return (flags & FLAG_SAMPLED) != 0;
  }

  /** True for a debug trace. */
  public boolean isDebug() {
    return (flags & FLAG_DEBUG) != 0;
  }

  /** True when the sender of this context left the sampling decision to us. */
  public boolean isSamplingDeferred() {
    return samplingDeferred;
  }

  /** True when the trace id is 128 bits wide: its upper half is non-zero or it arrived as such. */
  public boolean isTraceId128Bit() {
    return traceId128Bit;
  }

  /**
   * True when the right-most 7 bytes of the trace id are known to be random (W3C Trace Context
   * Level 2 §3.2.2.5.2, the {@code random} trace-flag): Spoor drew the id for a new trace, or it
   * arrived in a {@code traceparent} with the flag set; children keep it. False for ids from
   * B3 or Jaeger headers, whose randomness nobody stated.
   */
  public boolean isTraceIdRandom() {
    return traceIdRandom;
  }

  /** True when this context identifies a span (non-zero trace and span ids), false if partial. */
  public boolean hasTrace() {
    return traceIdLow != 0L || traceIdHigh != 0L;
  }

  /** The Jaeger debug id this context carries, or null. */
  public String debugId() {
    return debugId;
  }

  /** The W3C {@code tracestate} carried through unchanged, or null. */
  public String traceState() {
    return traceState;
  }

  /** The baggage, unmodifiable. */
  public Map<String, String> baggage() {
    return baggage;
  }

  /** One baggage item, or null. */
  public String getBaggageItem(String key) {
    return baggage.get(key);
  }

  @Override
  public Iterable<Map.Entry<String, String>> baggageItems() {
    return baggage.entrySet();
  }

  /**
   * The trace id as lower-case hex: 32 characters for a 128-bit id (also when its upper half is
   * zero, see {@link #isTraceId128Bit()}), 16 for a 64-bit id.
   */
  @Override
  public String toTraceId() {
    String hex = traceIdHex;
    if (hex == null) {
      hex = traceId128Bit ? HexCodec.toHex32(traceIdHigh, traceIdLow)
          : HexCodec.toHex16(traceIdLow);
      traceIdHex = hex;
    }
    return hex;
  }

  /** The span id as 16 lower-case hex characters. */
  @Override
  public String toSpanId() {
    String hex = spanIdHex;
    if (hex == null) {
      hex = HexCodec.toHex16(spanId);
      spanIdHex = hex;
    }
    return hex;
  }

  /** Jaeger's string form {@code traceId:spanId:parentId:flags}, as in the uber-trace-id header. */
  @Override
  public String toString() {
    return toTraceId() + ':' + toSpanId() + ':' + Long.toHexString(parentId) + ':'
        + Integer.toHexString(flags & 0xff);
  }
}
