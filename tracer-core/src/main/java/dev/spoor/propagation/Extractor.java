package dev.spoor.propagation;

import dev.spoor.SpoorSpanContext;

/**
 * Reads a span context from a carrier of type {@code C}. Registered per
 * {@link io.opentracing.propagation.Format} on the tracer's builder.
 *
 * <p>Returns null when the carrier holds no context of this format. When it holds a malformed one,
 * throws {@link MalformedContextException}: the tracer counts it, logs a rate-limited warning and
 * starts a new trace; the exception never reaches the application. Implementations must run in
 * time linear in the carrier's size whatever its content.
 */
@FunctionalInterface
public interface Extractor<C> {
  /** The context in {@code carrier}, or null if there is none. */
  SpoorSpanContext extract(C carrier);
}
