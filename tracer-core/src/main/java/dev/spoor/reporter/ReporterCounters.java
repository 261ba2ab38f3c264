package dev.spoor.reporter;

import dev.spoor.internal.MetricsWriter;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import java.util.function.LongSupplier;

/**
 * Every counter write of the reporting package goes through here: one place that knows which
 * {@link Metric} each outcome of a span is, so that each span ends in exactly one of sent or a
 * dropped counter, for every transport. Thread-safe (the metrics are).
 */
final class ReporterCounters {
  private final SpoorMetrics metrics;
  private final MetricsWriter writer;

  ReporterCounters(SpoorMetrics metrics) {
    this.metrics = metrics;
    this.writer = MetricsWriter.of(metrics);
  }

  /** The set written to, as the reporter exposes it to the tracer. */
  SpoorMetrics metrics() {
    return metrics;
  }

  void queueFull() {
    writer.increment(Metric.SPANS_DROPPED_QUEUE_FULL);
  }

  void afterClose(long spans) {
    writer.add(Metric.SPANS_DROPPED_AFTER_CLOSE, spans);
  }

  void tooLarge(long spans) {
    writer.add(Metric.SPANS_DROPPED_TOO_LARGE, spans);
  }

  void truncated() {
    writer.increment(Metric.SPANS_TRUNCATED);
  }

  /** Spans whose message could not be sent (or could not be encoded). */
  void sendFailed(long spans) {
    writer.add(Metric.SPANS_DROPPED_SEND_FAILED, spans);
  }

  /** Spans whose message the backend refused for good. */
  void rejected(long spans) {
    writer.add(Metric.SPANS_DROPPED_REJECTED, spans);
  }

  /** A message of {@code spans} spans was sent; {@code datagram} when it went over UDP. */
  void sent(int spans, boolean datagram) {
    writer.increment(Metric.MESSAGES_SENT);
    if (datagram) {
      writer.increment(Metric.DATAGRAMS_SENT);
    }
    writer.add(Metric.SPANS_SENT, spans);
  }

  void sendFailure() {
    writer.increment(Metric.SEND_FAILURES);
  }

  void retry() {
    writer.increment(Metric.SEND_RETRIES);
  }

  void queueLength(LongSupplier length) {
    writer.registerGauge(SpoorMetrics.QUEUE_LENGTH, length);
  }
}
