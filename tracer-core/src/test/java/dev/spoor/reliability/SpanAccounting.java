package dev.spoor.reliability;

import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;

/** Reads the reporter's counters the way the reliability tests check them: sent or dropped. */
final class SpanAccounting {
  private SpanAccounting() {}

  /** Spans dropped for any reason. */
  static long dropped(SpoorMetrics metrics) {
    return metrics.get(Metric.SPANS_DROPPED_QUEUE_FULL)
        + metrics.get(Metric.SPANS_DROPPED_AFTER_CLOSE)
        + metrics.get(Metric.SPANS_DROPPED_TOO_LARGE)
        + metrics.get(Metric.SPANS_DROPPED_SEND_FAILED);
  }

  /** Spans sent plus dropped: after close, equal to the spans reported. */
  static long accountedFor(SpoorMetrics metrics) {
    return metrics.get(Metric.SPANS_SENT) + dropped(metrics);
  }

  /** One line for the test's report. */
  static String summary(SpoorMetrics metrics) {
    return "reported=" + metrics.get(Metric.SPANS_REPORTED)
        + " sent=" + metrics.get(Metric.SPANS_SENT)
        + " queueFull=" + metrics.get(Metric.SPANS_DROPPED_QUEUE_FULL)
        + " afterClose=" + metrics.get(Metric.SPANS_DROPPED_AFTER_CLOSE)
        + " sendFailed=" + metrics.get(Metric.SPANS_DROPPED_SEND_FAILED)
        + " tooLarge=" + metrics.get(Metric.SPANS_DROPPED_TOO_LARGE)
        + " sendFailures=" + metrics.get(Metric.SEND_FAILURES);
  }
}
