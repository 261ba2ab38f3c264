package dev.spoor.internal;

import dev.spoor.SpoorSpanContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a {@link SpoorSpanContext} field by field, for Spoor's own codecs (Jaeger, Jaeger binary,
 * W3C, B3) and tests: the public context type is read-only and has no factory, so that users never
 * line up four longs and a flag byte in the right order. <strong>Not API</strong>.
 *
 * <p>A context with a zero trace id is partial: it carries only baggage, a Jaeger debug id or an
 * upstream sampling decision. The sampling decision is left to the local sampler (deferred) unless
 * {@link #sampled} or {@link #debug} is called.
 *
 * <p>{@link #ownedBaggage} keeps the map it is given without a copy: a codec builds the map while
 * parsing headers and never touches it again, so a defensive copy on every extract would be
 * wasted. Whoever passes a map there must not keep or change it.
 */
public final class SpanContextBuilder {
  // Installed by SpoorSpanContext's class initializer, the only code that may call its private
  // constructor. Volatile: that initializer may finish after this class's own, and a codec on
  // another thread must still see it.
  private static volatile ContextFactory factory;

  static {
    // SpoorSpanContext installs its factory when it is initialized: make sure it is.
    try {
      Class.forName(SpoorSpanContext.class.getName(), true,
          SpanContextBuilder.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private long traceIdHigh;
  private long traceIdLow;
  private long spanId;
  private long parentId;
  private int flags; // Jaeger's flags byte: 1 sampled, 2 debug, other bits carried as they came
  private boolean decided;
  private boolean traceId128Bit;
  private boolean traceIdRandom;
  private String traceState;
  private String debugId;
  private Map<String, String> baggage = Collections.emptyMap();

  /** An empty builder: every id zero (a partial context), sampling deferred, no baggage. */
  public SpanContextBuilder() {}

  /** Upper 64 bits of the trace id; 0 (the default) for a 64-bit trace id. */
  public SpanContextBuilder traceIdHigh(long traceIdHigh) {
    this.traceIdHigh = traceIdHigh;
    return this;
  }

  /** Lower 64 bits of the trace id; never 0 in a context that names a span. */
  public SpanContextBuilder traceIdLow(long traceIdLow) {
    this.traceIdLow = traceIdLow;
    return this;
  }

  /**
   * True when the trace id arrived 128 bits wide even if its upper half is zero (32 hex digits), so
   * that it is written again as it arrived; a non-zero upper half is wide anyway.
   */
  public SpanContextBuilder traceId128Bit(boolean traceId128Bit) {
    this.traceId128Bit = traceId128Bit;
    return this;
  }

  /**
   * True when the right-most 7 bytes of the trace id are random as W3C Trace Context Level 2
   * §3.2.2.5.2 defines it: only a {@code traceparent} with the {@code random} flag says so.
   */
  public SpanContextBuilder traceIdRandom(boolean traceIdRandom) {
    this.traceIdRandom = traceIdRandom;
    return this;
  }

  /** The span's id; never 0 in a context that names a span. */
  public SpanContextBuilder spanId(long spanId) {
    this.spanId = spanId;
    return this;
  }

  /** The parent span's id; 0 (the default) for none. */
  public SpanContextBuilder parentId(long parentId) {
    this.parentId = parentId;
    return this;
  }

  /** The upstream sampling decision; calling it (or {@link #debug}) means it is not deferred. */
  public SpanContextBuilder sampled(boolean sampled) {
    this.flags = sampled ? flags | 1 : flags & ~1;
    this.decided = true;
    return this;
  }

  /** A debug trace: sampled whatever the sampler says. Does not set {@link #sampled} by itself. */
  public SpanContextBuilder debug(boolean debug) {
    this.flags = debug ? flags | 2 : flags & ~2;
    this.decided = true;
    return this;
  }

  /**
   * Jaeger's flags byte ({@code uber-trace-id}, binary form): bit 1 sampled, bit 2 debug; the
   * other bits are carried as they came, so the context injects the byte it extracted. Sets the
   * decision, as {@link #sampled} does. Only the low 8 bits count.
   */
  public SpanContextBuilder jaegerFlags(int flags) {
    this.flags = flags & 0xff;
    this.decided = true;
    return this;
  }

  /** The W3C {@code tracestate} value, carried unchanged; null for none. */
  public SpanContextBuilder traceState(String traceState) {
    this.traceState = traceState;
    return this;
  }

  /** The Jaeger debug id ({@code jaeger-debug-id}); null for none. */
  public SpanContextBuilder debugId(String debugId) {
    this.debugId = debugId;
    return this;
  }

  /** Baggage items, copied; null for none. */
  public SpanContextBuilder baggage(Map<String, String> baggage) {
    this.baggage = baggage == null || baggage.isEmpty() ? Collections.emptyMap()
        : Collections.unmodifiableMap(new HashMap<>(baggage));
    return this;
  }

  /** Baggage items kept without a copy: the caller must not keep or change {@code baggage}. */
  public SpanContextBuilder ownedBaggage(Map<String, String> baggage) {
    this.baggage = baggage == null || baggage.isEmpty() ? Collections.emptyMap()
        : Collections.unmodifiableMap(baggage);
    return this;
  }

  /** The context; the builder may be used again. */
  public SpoorSpanContext build() {
    return factory.create(traceIdHigh, traceIdLow, spanId, parentId, (byte) flags, !decided,
        traceId128Bit, traceIdRandom, traceState, debugId, baggage);
  }

  /**
   * The flags byte of Jaeger's {@code uber-trace-id} and binary form, 0 to 255: 1 sampled, 2
   * debug, and any other bit a Jaeger header brought.
   */
  public static int jaegerFlagsOf(SpoorSpanContext context) {
    return factory.jaegerFlags(context) & 0xff;
  }

  /** Installs {@link SpoorSpanContext}'s factory: its class initializer does, once. */
  public static synchronized void install(ContextFactory implementation) {
    if (factory == null) {
      factory = implementation;
    }
  }

  /** Makes contexts with {@link SpoorSpanContext}'s private constructor; implemented there only. */
  public abstract static class ContextFactory {
    /** For {@link SpoorSpanContext} only. */
    protected ContextFactory() {}

    /** A context of these fields; {@code baggage} is unmodifiable and kept as it is. */
    protected abstract SpoorSpanContext create(long traceIdHigh, long traceIdLow, long spanId,
        long parentId, byte jaegerFlags, boolean samplingDeferred, boolean traceId128Bit,
        boolean traceIdRandom, String traceState, String debugId, Map<String, String> baggage);

    /** The context's Jaeger flags byte. */
    protected abstract byte jaegerFlags(SpoorSpanContext context);
  }
}
