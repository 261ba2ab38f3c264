package dev.spoor.http.wrappers;

import dev.spoor.SpoorTracer;
import dev.spoor.internal.LibraryLogger;
import dev.spoor.internal.MetricsWriter;
import dev.spoor.internal.RateLimitedLogger;
import dev.spoor.metrics.Metric;
import io.opentracing.Tracer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a wrapper reports a failure of its own (a tag, a decorator, a tracer that threw): counted,
 * and logged at most once per interval, so tracing trouble never reaches or floods the application.
 */
final class InstrumentationFailures {
  private static final LibraryLogger LOG = LibraryLogger.of(HttpTracing.class);

  private final LongAdder count = new LongAdder();
  private final MetricsWriter spoorMetrics;
  private final RateLimitedLogger warnings = new RateLimitedLogger(LOG, 10, TimeUnit.SECONDS);

  InstrumentationFailures(Tracer tracer) {
    this.spoorMetrics = tracer instanceof SpoorTracer
        ? MetricsWriter.of(((SpoorTracer) tracer).metrics()) : null;
  }

  /** Counts and (rate-limited) logs a failure while doing {@code what}. */
  void record(String what, Throwable failure) {
    count.increment();
    if (spoorMetrics != null) {
      spoorMetrics.increment(Metric.INSTRUMENTATION_ERRORS);
    }
    warnings.warn("HTTP tracing failed while {}; the request continues untraced there: {}",
        what, failure.toString());
  }

  long count() {
    return count.sum();
  }
}
