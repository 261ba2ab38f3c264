package dev.spoor;

import dev.spoor.internal.MetricsWriter;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.Reporter;
import dev.spoor.sampler.Sampler;
import java.util.List;

/**
 * Chooses a tracer's counters so that {@code tracer.metrics()} tells the truth for every reporter
 * shape: the tracer counts spans started and reported, its reporter(s) spans sent or dropped
 * ({@link Reporter#counters()}), a remote sampler its polls ({@link Sampler#counters()}), and
 * the tracer's set includes theirs, each once. A reporter or sampler that writes into the
 * tracer's own set (one set passed to all) adds nothing twice.
 */
final class ReporterMetrics {
  private ReporterMetrics() {}

  /**
   * The set for a tracer given {@code explicit} (null when none was set), {@code reporter} and
   * {@code sampler}: the reporter's only set when none was given (the tracer then writes there
   * too, as one set for both), else the given or a new set including every set of the reporter;
   * either way including the sampler's sets.
   */
  static SpoorMetrics forTracer(SpoorMetrics explicit, Reporter reporter, Sampler sampler) {
    List<SpoorMetrics> reporters = reporter.counters();
    SpoorMetrics metrics;
    if (explicit == null && reporters.size() == 1) {
      metrics = reporters.get(0);
    } else {
      metrics = explicit != null ? explicit : new SpoorMetrics();
      for (SpoorMetrics theirs : reporters) {
        MetricsWriter.of(metrics).include(theirs);
      }
    }
    for (SpoorMetrics theirs : sampler.counters()) {
      MetricsWriter.of(metrics).include(theirs);
    }
    return metrics;
  }
}
