package dev.spoor;

import dev.spoor.metrics.Metric;
import io.opentracing.Span;
import io.opentracing.tag.Tag;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A span of a {@link SpoorTracer}, and the implementation behind every {@link Span} it starts:
 * package-private, so that applications hold an {@link io.opentracing.Span} and reporters a
 * read-only {@link FinishedSpan}, and nobody reaches the writable type (Brave's {@code RealSpan},
 * OpenTelemetry's {@code SdkSpan} are kept the same way).
 *
 * <p>Thread-safe: every mutation holds this span's own lock (a state word, {@code SpanLock}), never a lock shared with other spans.
 * Once finished a span is frozen: later calls are ignored and counted, and reporters read its data
 * without locking.
 *
 * <p>A span of an unsampled trace records nothing: it only carries its context (and baggage) so
 * that the decision propagates; its tags, logs and references are empty and its times 0. Only the
 * tracer creates spans (the constructor is not public), so that an unsampled span can stay a
 * small handle.
 */
class SpoorSpan extends SpanLock implements Span, FinishedSpan {
  final SpoorTracer tracer;
  private final SpoorSpanContext startContext;
  // Null until setBaggageItem changes the baggage (written under the lock). Not one volatile
  // field for both: a volatile store in the constructor costs every span a full fence.
  private volatile SpoorSpanContext changedContext;
  private String operationName; // guarded by the lock

  SpoorSpan(SpoorTracer tracer, SpoorSpanContext context, String operationName) {
    this.tracer = tracer;
    this.startContext = context;
    this.operationName = operationName;
  }

  @Override
  public SpoorSpanContext context() {
    SpoorSpanContext changed = changedContext;
    return changed != null ? changed : startContext;
  }

  /** The tracer's process (service name and process tags) this span belongs to. */
  public SpoorProcess process() {
    return tracer.process();
  }

  /** The operation name. */
  public String operationName() {
    lock();
    try {
      return operationName;
    } finally {
      unlock();
    }
  }

  /** Start time in epoch microseconds; 0 for a span of an unsampled trace. */
  public long startMicros() {
    return 0L;
  }

  /** Duration in microseconds; 0 until finished, and for a span of an unsampled trace. */
  public long durationMicros() {
    return 0L;
  }

  /**
   * References to other spans ({@code child_of}, {@code follows_from}), in the order added; empty
   * for a span of an unsampled trace, which records nothing (its context still names its parent).
   */
  public List<SpoorReference> references() {
    return Collections.emptyList();
  }

  /** Number of tags; with {@link #tagKey} and {@link #tagValue}, reads tags without copying. */
  public int tagCount() {
    return 0;
  }

  /** Key of tag {@code index} (0-based, in the order first set). */
  public String tagKey(int index) {
    throw new IndexOutOfBoundsException("tag index " + index + ", count 0");
  }

  /** Value of tag {@code index}: a String, Boolean or Number (or other object set by a Tag). */
  public Object tagValue(int index) {
    throw new IndexOutOfBoundsException("tag index " + index + ", count 0");
  }

  /** A copy of the tags in the order first set. */
  public Map<String, Object> tags() {
    return new LinkedHashMap<>();
  }

  /** The log records in the order logged, unmodifiable. */
  public List<LogRecord> logs() {
    return Collections.emptyList();
  }

  @Override
  public Span setOperationName(String name) {
    lock();
    try {
      if (isFinished()) {
        tracer.counters.increment(Metric.CALLS_AFTER_FINISH);
      } else if (name != null) {
        operationName = name;
      }
    } finally {
      unlock();
    }
    return this;
  }

  @Override
  public Span setTag(String key, String value) {
    return putTag(key, value);
  }

  @Override
  public Span setTag(String key, boolean value) {
    return putTag(key, value);
  }

  @Override
  public Span setTag(String key, Number value) {
    return putTag(key, value);
  }

  @Override
  public <T> Span setTag(Tag<T> tag, T value) {
    if (tag == null) {
      return this;
    }
    return putTag(tag.getKey(), value);
  }

  /** Records a tag; a span of an unsampled trace records nothing. */
  Span putTag(String key, Object value) {
    return this;
  }

  @Override
  public Span log(Map<String, ?> fields) {
    return this;
  }

  @Override
  public Span log(long timestampMicroseconds, Map<String, ?> fields) {
    return this;
  }

  @Override
  public Span log(String event) {
    return this;
  }

  @Override
  public Span log(long timestampMicroseconds, String event) {
    return this;
  }

  @Override
  public Span setBaggageItem(String key, String value) {
    if (key == null) {
      return this;
    }
    lock();
    try {
      if (isFinished()) {
        tracer.counters.increment(Metric.CALLS_AFTER_FINISH);
        return this;
      }
      SpoorSpanContext current = context();
      boolean replacing = current.baggage().containsKey(key);
      if (value == null) {
        if (replacing) {
          Map<String, String> without = new HashMap<>(current.baggage());
          without.remove(key);
          changedContext = current.withBaggage(without);
        }
        return this;
      }
      if (!replacing && current.baggage().size() >= tracer.limits().maxBaggageItems()) {
        tracer.counters.increment(Metric.BAGGAGE_DROPPED);
        logBaggageLocked(key, value, replacing, false, true);
        return this;
      }
      boolean truncated = false;
      int maxLength = tracer.limits().maxBaggageValueLength();
      if (value.length() > maxLength) {
        value = value.substring(0, maxLength);
        truncated = true;
        tracer.counters.increment(Metric.BAGGAGE_TRUNCATED);
      }
      changedContext = current.withBaggageItem(key, value);
      logBaggageLocked(key, value, replacing, truncated, false);
    } finally {
      unlock();
    }
    return this;
  }

  /** Logs a baggage write (caller holds the lock); a span of an unsampled trace logs nothing. */
  void logBaggageLocked(
      String key, String value, boolean override, boolean truncated, boolean invalid) {
  }

  @Override
  public String getBaggageItem(String key) {
    return context().getBaggageItem(key);
  }

  // Nothing to freeze or count in a span that records nothing (see tracer-core/RATIONALE.md, "Why
  // is an unsampled span a smaller type that records nothing?"): a release store, no CAS.
  @Override
  public void finish() {
    finishWithoutLock();
  }

  @Override
  public void finish(long finishMicros) {
    finishWithoutLock();
  }

  @Override
  public String toString() {
    return "SpoorSpan{" + context() + " " + operationName() + "}";
  }
}
