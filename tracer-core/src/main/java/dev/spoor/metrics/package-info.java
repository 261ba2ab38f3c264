/**
 * Counters and gauges of a tracer ({@link dev.spoor.metrics.SpoorMetrics}), so that every dropped
 * span, tag or log is accounted for: read-only here, written by Spoor through
 * {@code dev.spoor.internal.MetricsWriter}, which this package installs. Depends on nothing else in
 * Spoor but that writer; everything may depend on it.
 */
package dev.spoor.metrics;
