package dev.spoor.propagation;

import dev.spoor.SpoorSpanContext;

/**
 * Writes a span context into a carrier of type {@code C} (HTTP headers, a message's properties).
 * Registered per {@link io.opentracing.propagation.Format} on the tracer's builder. Must not throw
 * for any context, and must write only values that are legal in the carrier (no CR or LF in a
 * header value).
 */
@FunctionalInterface
public interface Injector<C> {
  /** Writes {@code context} into {@code carrier}. */
  void inject(SpoorSpanContext context, C carrier);
}
