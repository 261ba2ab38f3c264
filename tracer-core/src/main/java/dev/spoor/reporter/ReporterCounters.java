package dev.spoor.reporter;

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

  ReporterCounters(SpoorMetrics metrics) {
    this.metrics = metrics;
  }

  /** The set written to, as the reporter exposes it to the tracer. */
  SpoorMetrics metrics() {
    return metrics;
  }

  void queueFull() {
    metrics.increment(Metric.SPANS_DROPPED_QUEUE_FULL);
  }

  void afterClose(long spans) {
    metrics.add(Metric.SPANS_DROPPED_AFTER_CLOSE, spans);
  }

  void tooLarge(long spans) {
    metrics.add(Metric.SPANS_DROPPED_TOO_LARGE, spans);
  }

  void truncated() {
    metrics.increment(Metric.SPANS_TRUNCATED);
  }

  /** Spans whose message could not be sent (or could not be encoded). */
  void sendFailed(long spans) {
    metrics.add(Metric.SPANS_DROPPED_SEND_FAILED, spans);
  }

  /** Spans whose message the backend refused for good. */
  void rejected(long spans) {
    metrics.add(Metric.SPANS_DROPPED_REJECTED, spans);
  }

  /** A message of {@code spans} spans was sent; {@code datagram} when it went over UDP. */
  void sent(int spans, boolean datagram) {
    metrics.increment(Metric.MESSAGES_SENT);
    if (datagram) {
      metrics.increment(Metric.DATAGRAMS_SENT);
    }
    metrics.add(Metric.SPANS_SENT, spans);
  }

  void sendFailure() {
    metrics.increment(Metric.SEND_FAILURES);
  }

  void retry() {
    metrics.increment(Metric.SEND_RETRIES);
  }

  void queueLength(LongSupplier length) {
    metrics.registerGauge(SpoorMetrics.QUEUE_LENGTH, length);
  }
}
