package dev.spoor.internal;

import dev.spoor.SpoorSpanContext;
import java.util.Map;

/**
 * Creates contexts that take ownership of a baggage map instead of copying it, for Spoor's own
 * codecs: they build the map while parsing headers and never touch it again, so the defensive copy
 * that the public factories of {@link SpoorSpanContext} make would be wasted work on every extract.
 * <strong>Not API</strong>: whoever passes a map here must not keep or change it.
 */
public abstract class BaggageOwnership {
  // Volatile: installed during SpoorSpanContext's initialization, which may finish after this
  // class's own; a codec on another thread must still see it.
  private static volatile BaggageOwnership instance;

  static {
    // SpoorSpanContext installs the implementation when it is initialized: make sure it is.
    SpoorSpanContext.partial(null, null);
  }

  /** Called once, by {@link SpoorSpanContext}'s class initializer. */
  protected BaggageOwnership() {}

  /** Installs the implementation: {@link SpoorSpanContext} does, once; later calls are ignored. */
  public static synchronized void install(BaggageOwnership implementation) {
    if (instance == null) {
      instance = implementation;
    }
  }

  /** The implementation installed by {@link SpoorSpanContext}. */
  public static BaggageOwnership get() {
    return instance;
  }

  /**
   * Like {@link SpoorSpanContext#create}, with the trace id's width given and {@code baggage}
   * (null or a map no one else holds) kept, not copied.
   */
  public abstract SpoorSpanContext create(
      long traceIdHigh, long traceIdLow, long spanId, long parentId, byte flags,
      boolean traceId128Bit, Map<String, String> baggage);

  /** Like {@link SpoorSpanContext#withBaggage}, keeping {@code baggage} rather than copying it. */
  public abstract SpoorSpanContext withBaggage(
      SpoorSpanContext context, Map<String, String> baggage);

  /** Like {@link SpoorSpanContext#partial}, keeping {@code baggage} rather than copying it. */
  public abstract SpoorSpanContext partial(Map<String, String> baggage, String debugId);
}
