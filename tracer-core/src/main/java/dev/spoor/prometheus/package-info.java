/**
 * Prometheus exemplars from Spoor's spans: {@link dev.spoor.prometheus.ExemplarSpanContext}, the
 * Prometheus Java client's {@code io.prometheus.metrics.tracer.common.SpanContext} backed by the
 * active span. Needs the optional {@code io.prometheus:prometheus-metrics-tracer-common} on the
 * class path; nothing else in Spoor depends on this package. Depends only on public API: the
 * OpenTracing tracer and {@link dev.spoor.SpoorSpanContext}'s getters.
 */
package dev.spoor.prometheus;
