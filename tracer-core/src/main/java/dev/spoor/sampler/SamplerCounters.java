package dev.spoor.sampler;

import dev.spoor.internal.MetricsWriter;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;

/**
 * The only place where the sampler package writes metrics: a remote sampler's polls and updates.
 * Never on the request path.
 */
final class SamplerCounters {
  private final SpoorMetrics metrics;
  private final MetricsWriter writer;

  SamplerCounters(SpoorMetrics metrics) {
    this.metrics = metrics;
    this.writer = MetricsWriter.of(metrics);
  }

  /** The counters written to. */
  SpoorMetrics metrics() {
    return metrics;
  }

  /** A poll returned a valid strategy. */
  void queryOk() {
    writer.increment(Metric.SAMPLER_QUERIES_OK);
  }

  /** A poll failed; the strategy in force stays. */
  void queryFailed() {
    writer.increment(Metric.SAMPLER_QUERIES_FAILED);
  }

  /** A poll changed the strategy in force. */
  void strategyUpdated() {
    writer.increment(Metric.SAMPLER_UPDATES);
  }
}
