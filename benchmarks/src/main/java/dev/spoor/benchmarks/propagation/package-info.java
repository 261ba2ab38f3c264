/**
 * The propagation benchmark: inject a sampled context carrying two baggage items into a header map,
 * then extract it again, in each format a tracer offers: Jaeger ({@code uber-trace-id},
 * {@code uberctx-*}), W3C ({@code traceparent}, {@code baggage}) and B3 ({@code X-B3-*}). One
 * {@link dev.spoor.benchmarks.propagation.PropagationRoundTrip} per tracer.
 */
package dev.spoor.benchmarks.propagation;
