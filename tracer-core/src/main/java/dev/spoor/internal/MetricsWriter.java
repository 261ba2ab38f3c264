package dev.spoor.internal;

import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Writes one {@link SpoorMetrics} set: the counting half that Spoor's own packages (the tracer and
 * its spans, the reporters, the remote sampler, the HTTP wrappers) need and users do not, so that
 * {@code tracer.metrics()} stays a read-only view. <strong>Not API</strong>.
 *
 * <p>Get a set's writer once with {@link #of} and keep it: each set has one writer, made with the
 * set, so the per-span increments call it directly (one implementation, inlined by the JIT).
 */
public abstract class MetricsWriter {
  // Installed by SpoorMetrics' class initializer (see SpanContextBuilder for the same bridge).
  private static volatile Function<SpoorMetrics, MetricsWriter> writers;

  static {
    try {
      Class.forName(SpoorMetrics.class.getName(), true, MetricsWriter.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** For {@link SpoorMetrics} only. */
  protected MetricsWriter() {}

  /**
   * The writer of {@code metrics}.
   *
   * @throws NullPointerException when {@code metrics} is null
   */
  public static MetricsWriter of(SpoorMetrics metrics) {
    if (metrics == null) {
      throw new NullPointerException("metrics == null");
    }
    return writers.apply(metrics);
  }

  /** Installs how a set's writer is found: {@link SpoorMetrics}' class initializer does, once. */
  public static synchronized void install(Function<SpoorMetrics, MetricsWriter> implementation) {
    if (writers == null) {
      writers = implementation;
    }
  }

  /** Adds one to {@code metric}. */
  public abstract void increment(Metric metric);

  /** Adds {@code delta} to {@code metric}. */
  public abstract void add(Metric metric, long delta);

  /**
   * Makes every read of the set add the counters and gauges that {@code other} keeps itself (a
   * tracer's view of its reporter's); including a set twice, or the set itself, changes nothing.
   */
  public abstract void include(SpoorMetrics other);

  /** Registers a gauge read on demand, e.g. the reporter's queue length. */
  public abstract void registerGauge(String name, LongSupplier value);
}
