/**
 * Helpers shared by Spoor's modules, each trick in one class: {@code HexCodec} (hex ids and the
 * only hex digit tables), {@code PercentCodec} (percent-coding, one dialect each for Jaeger, W3C
 * Baggage and B3 baggage), {@code HeaderSafety} (RFC 9110 header character checks),
 * {@code UntrustedText} (the one sanitiser for received text on its way to a log line),
 * {@code HttpConnections} (the bounded {@code HttpURLConnection} and credential-free endpoint and
 * error texts of the HTTP senders and the remote sampler), {@code LibraryLogger} and
 * {@code RateLimitedLogger} (Spoor's own logging through {@code java.util.logging}, plain and
 * rate-limited), {@code BackgroundThread} (Spoor's background threads), {@code JsonReader} (a
 * strict bounded JSON reader), {@code SpanContextBuilder} (how the codecs make span contexts,
 * handing over the baggage map they built) and {@code MetricsWriter} (how Spoor's packages count
 * into a {@code SpoorMetrics}). <strong>Not API</strong>: anything here may change in any release.
 * Depends on nothing else in Spoor but {@link dev.spoor.SpoorSpanContext}, which
 * {@code SpanContextBuilder} builds, and {@link dev.spoor.metrics.SpoorMetrics}, which
 * {@code MetricsWriter} writes.
 */
package dev.spoor.internal;
