package dev.spoor;

import dev.spoor.internal.MetricsWriter;
import dev.spoor.metrics.Metric;

/**
 * What a tracer keeps of a context that came from outside the process: the untrusted-edge
 * settings ({@link SpoorTracerBuilder#ignoreIncomingSamplingDecisions}, {@link
 * SpoorTracerBuilder#ignoreIncomingBaggage}) and the baggage limits, with every dropped item
 * counted.
 */
final class IncomingContextPolicy {
  private final boolean ignoreSampling;
  private final boolean ignoreBaggage;
  private final Limits limits;
  private final MetricsWriter metrics;

  IncomingContextPolicy(
      boolean ignoreSampling, boolean ignoreBaggage, Limits limits, MetricsWriter metrics) {
    this.ignoreSampling = ignoreSampling;
    this.ignoreBaggage = ignoreBaggage;
    this.limits = limits;
    this.metrics = metrics;
  }

  /** The part of {@code context} to continue, or null when nothing is left worth continuing. */
  SpoorSpanContext apply(SpoorSpanContext context) {
    if (ignoreSampling) {
      context = context.withDebugId(null);
      if (context.hasTrace() || !context.isSamplingDeferred()) {
        context = context.withFlags((byte) 0).withSamplingDeferred(true);
      }
    }
    if (ignoreBaggage) {
      if (!context.baggage().isEmpty()) {
        metrics.add(Metric.BAGGAGE_DROPPED, context.baggage().size());
        context = context.withBaggage(null);
      }
    } else {
      context = BaggageLimiter.limit(context, limits, metrics);
    }
    if (!context.hasTrace() && context.debugId() == null && context.baggage().isEmpty()
        && context.isSamplingDeferred()) {
      return null; // nothing left to continue: no trace, debug id, baggage or decision
    }
    return context;
  }
}
