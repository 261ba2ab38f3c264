/**
 * Micrometer meters for a Spoor tracer ({@link dev.spoor.micrometer.SpoorTracerMetrics}): the
 * names and tags jaeger-client-java's metrics had under jaeger-micrometer, so that dashboards
 * keep working, and Spoor's own counters under {@code spoor.*}. Needs
 * {@code io.micrometer:micrometer-core} on the class path (an optional dependency of tracer-core);
 * nothing else in Spoor loads this package. Depends on the public read API of {@link
 * dev.spoor.metrics} only.
 */
package dev.spoor.micrometer;
