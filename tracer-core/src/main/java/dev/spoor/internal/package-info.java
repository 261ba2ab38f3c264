/**
 * Helpers shared by Spoor's modules: hex id codecs, rate-limited logging, header character checks,
 * cleaning untrusted text for a log line, a strict bounded JSON reader, the builder through which
 * the codecs make span contexts, and the writer through which Spoor's packages count into a
 * {@code SpoorMetrics}. <strong>Not API</strong>: anything here may change in any release.
 * Depends on nothing else in Spoor but {@link dev.spoor.SpoorSpanContext}, which
 * {@code SpanContextBuilder} builds, and {@link dev.spoor.metrics.SpoorMetrics}, which
 * {@code MetricsWriter} writes.
 */
package dev.spoor.internal;
