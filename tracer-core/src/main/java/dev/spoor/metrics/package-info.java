/**
 * Counters and gauges of a tracer ({@link dev.spoor.metrics.SpoorMetrics}), so that every dropped
 * span, tag or log is accounted for. Depends on nothing else in Spoor; everything may depend on it.
 */
package dev.spoor.metrics;
