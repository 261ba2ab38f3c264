package dev.spoor.metrics;

import dev.spoor.internal.MetricsWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The tracer's counters and gauges, read-only to users: {@code tracer.metrics()}. Counters are
 * {@link LongAdder}s, or per-thread cells for the three that every span touches, so incrementing
 * them from many request threads contends on nothing. To publish to Micrometer or another
 * registry, read {@link #get(Metric)} or {@link #snapshot()} from a function counter/gauge. Spoor
 * writes through {@code dev.spoor.internal.MetricsWriter} (not API); a set made here and given to
 * the tracer and its reporter builders is written by them and read by you.
 */
public final class SpoorMetrics {
  /** Gauge name of the reporter's queue length. */
  public static final String QUEUE_LENGTH = "spoor.reporter.queue_length";

  private final LongAdder[] counters = new LongAdder[Metric.values().length];
  // The counters every span start or finish touches: per-thread cells, no CAS (see ThreadCounters).
  private final ThreadCounters perSpan = new ThreadCounters(3);
  private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();
  // Sets whose counters reads add to this set's own (a tracer's view of its reporter's).
  private volatile SpoorMetrics[] included = new SpoorMetrics[0];
  private final MetricsWriter writer = new Writer();

  static {
    MetricsWriter.install(metrics -> metrics.writer);
  }

  /** Creates a set of counters, all zero. */
  public SpoorMetrics() {
    for (int i = 0; i < counters.length; i++) {
      counters[i] = new LongAdder();
    }
  }

  /** Adds one to {@code metric}. */
  void increment(Metric metric) {
    add(metric, 1L);
  }

  /** Adds {@code delta} to {@code metric}. */
  void add(Metric metric, long delta) {
    int perSpanIndex = perSpanIndex(metric);
    if (perSpanIndex >= 0) {
      perSpan.add(perSpanIndex, delta);
    } else {
      counters[metric.ordinal()].add(delta);
    }
  }

  private static int perSpanIndex(Metric metric) {
    switch (metric) {
      case SPANS_SAMPLED:
        return 0;
      case SPANS_NOT_SAMPLED:
        return 1;
      case SPANS_REPORTED:
        return 2;
      default:
        return -1;
    }
  }

  /**
   * The current value of {@code metric}. {@link Metric#SPANS_STARTED}, {@link
   * Metric#TRACES_STARTED} and {@link Metric#SPANS_FINISHED_SAMPLED} are derived here from the
   * counters the tracer does increment (see their Javadoc), so that a sampled span costs two
   * counter increments instead of four and an unsampled span one.
   */
  public long get(Metric metric) {
    long value = own(metric);
    for (SpoorMetrics other : included) {
      value += other.own(metric);
    }
    return value;
  }

  private long own(Metric metric) {
    long value = sum(metric);
    if (metric == Metric.SPANS_STARTED) {
      value += sum(Metric.SPANS_SAMPLED) + sum(Metric.SPANS_NOT_SAMPLED);
    } else if (metric == Metric.TRACES_STARTED) {
      value += sum(Metric.TRACES_STARTED_SAMPLED) + sum(Metric.TRACES_STARTED_NOT_SAMPLED);
    } else if (metric == Metric.SPANS_FINISHED_SAMPLED) {
      value += sum(Metric.SPANS_REPORTED) + sum(Metric.SPANS_DROPPED_REPORTER_FAILED);
    }
    return value;
  }

  private long sum(Metric metric) {
    int perSpanIndex = perSpanIndex(metric);
    return perSpanIndex >= 0 ? perSpan.sum(perSpanIndex) : counters[metric.ordinal()].sum();
  }

  /**
   * Makes every read of this set ({@link #get}, {@link #gauge}, {@link #snapshot}) add the counters
   * and gauges that {@code other} keeps itself, so that a tracer's metrics show its reporter's:
   * the tracer counts spans reported, the reporter spans sent or dropped. Writes stay separate.
   * Including a set twice, or this set, changes nothing; what {@code other} includes is not
   * followed, so no count is added twice.
   */
  synchronized void include(SpoorMetrics other) {
    if (other == null) {
      throw new NullPointerException("other == null");
    }
    if (other == this) {
      return;
    }
    for (SpoorMetrics present : included) {
      if (present == other) {
        return;
      }
    }
    SpoorMetrics[] more = java.util.Arrays.copyOf(included, included.length + 1);
    more[included.length] = other;
    included = more;
  }

  /** Registers a gauge read on demand, e.g. the reporter's queue length. */
  void registerGauge(String name, LongSupplier value) {
    gauges.put(name, value);
  }

  /** The current value of a gauge, or -1 when none is registered under {@code name}. */
  public long gauge(String name) {
    LongSupplier supplier = gauges.get(name);
    long value = supplier == null ? -1 : supplier.getAsLong();
    for (SpoorMetrics other : included) {
      LongSupplier theirs = other.gauges.get(name);
      if (theirs != null) {
        value = Math.max(value, 0) + theirs.getAsLong(); // e.g. two reporters' queue lengths
      }
    }
    return value;
  }

  /** All counters and gauges by name, in a stable order. */
  public Map<String, Long> snapshot() {
    Map<String, Long> result = new LinkedHashMap<>();
    for (Metric metric : Metric.values()) {
      result.put(metric.metricName(), get(metric));
    }
    for (String name : gauges.keySet()) {
      result.put(name, gauge(name));
    }
    for (SpoorMetrics other : included) {
      for (String name : other.gauges.keySet()) {
        result.putIfAbsent(name, gauge(name));
      }
    }
    return Collections.unmodifiableMap(result);
  }

  @Override
  public String toString() {
    return "SpoorMetrics" + snapshot();
  }

  /** This set's writer, for Spoor's own packages through {@link MetricsWriter#of}. */
  private final class Writer extends MetricsWriter {
    @Override
    public void increment(Metric metric) {
      SpoorMetrics.this.add(metric, 1L);
    }

    @Override
    public void add(Metric metric, long delta) {
      SpoorMetrics.this.add(metric, delta);
    }

    @Override
    public void include(SpoorMetrics other) {
      SpoorMetrics.this.include(other);
    }

    @Override
    public void registerGauge(String name, LongSupplier value) {
      SpoorMetrics.this.registerGauge(name, value);
    }
  }
}
