package dev.spoor;

import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.Reporter;
import java.util.List;

/**
 * Chooses a tracer's counters so that {@code tracer.metrics()} tells the truth for every reporter
 * shape: the tracer counts spans started and reported, its reporter(s) spans sent or dropped
 * ({@link Reporter#counters()}), and the tracer's set includes theirs, each once. A reporter
 * that writes into the tracer's own set (one set passed to both) adds nothing twice.
 */
final class ReporterMetrics {
  private ReporterMetrics() {}

  /**
   * The set for a tracer given {@code explicit} (null when none was set) and {@code reporter}:
   * the reporter's only set when none was given (the tracer then writes there too, as one set
   * for both), else the given or a new set including every set of the reporter.
   */
  static SpoorMetrics forTracer(SpoorMetrics explicit, Reporter reporter) {
    List<SpoorMetrics> reporters = reporter.counters();
    if (explicit == null && reporters.size() == 1) {
      return reporters.get(0);
    }
    SpoorMetrics metrics = explicit != null ? explicit : new SpoorMetrics();
    for (SpoorMetrics theirs : reporters) {
      metrics.include(theirs);
    }
    return metrics;
  }
}
