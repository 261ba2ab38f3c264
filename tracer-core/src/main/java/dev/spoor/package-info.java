/**
 * Spoor's OpenTracing 0.33 tracer: {@link dev.spoor.SpoorTracer} (built with
 * {@link dev.spoor.SpoorTracer#builder(String)} or from {@code JAEGER_*} variables with
 * {@link dev.spoor.SpoorTracer#fromEnv()}), its spans, span contexts, references, limits and
 * process. A span's life starts here ({@code SpoorSpanBuilder} → {@code SpoorSpan}) and
 * continues in {@code dev.spoor.reporter}. Depends on the sampler, scope, propagation, reporter and
 * metrics packages; nothing in them depends on the tracer's internals.
 */
package dev.spoor;
