package dev.spoor.sampler;

import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;

/**
 * The only place where the sampler package writes metrics: a remote sampler's polls and updates.
 * Never on the request path.
 */
final class SamplerCounters {
  private final SpoorMetrics metrics;

  SamplerCounters(SpoorMetrics metrics) {
    this.metrics = metrics;
  }

  /** The counters written to. */
  SpoorMetrics metrics() {
    return metrics;
  }

  /** A poll returned a valid strategy. */
  void queryOk() {
    metrics.increment(Metric.SAMPLER_QUERIES_OK);
  }

  /** A poll failed; the strategy in force stays. */
  void queryFailed() {
    metrics.increment(Metric.SAMPLER_QUERIES_FAILED);
  }

  /** A poll changed the strategy in force. */
  void strategyUpdated() {
    metrics.increment(Metric.SAMPLER_UPDATES);
  }
}
