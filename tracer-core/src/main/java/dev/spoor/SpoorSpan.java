package dev.spoor;

import dev.spoor.metrics.Metric;
import io.opentracing.Span;
import io.opentracing.tag.Tag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A span of a {@link SpoorTracer}. Thread-safe: every mutation holds this span's own monitor, never
 * a lock shared with other spans. Once finished a span is frozen: later calls are ignored and
 * counted, and reporters read its data without locking.
 *
 * <p>A span of an unsampled trace records nothing: it only carries its context (and baggage) so
 * that the decision propagates.
 */
public final class SpoorSpan implements Span {
  private final SpoorTracer tracer;
  private final boolean sampled;
  private final long startMicros;
  private final long startNanos; // 0 when the start time was given explicitly
  private final List<SpoorReference> references;

  private volatile SpoorSpanContext context;
  private String operationName;
  private Object[] tags; // key, value, key, value...; null until the first tag
  private int tagCount;
  private List<LogRecord> logs;
  private long durationMicros;
  private boolean finished; // written under the monitor, or plainly for an unsampled span

  SpoorSpan(
      SpoorTracer tracer,
      SpoorSpanContext context,
      String operationName,
      long startMicros,
      long startNanos,
      List<SpoorReference> references,
      Object[] initialTags,
      int initialTagCount) {
    this.tracer = tracer;
    this.context = context;
    this.sampled = context.isSampled();
    this.operationName = operationName;
    this.startMicros = startMicros;
    this.startNanos = startNanos;
    this.references = references;
    this.tags = initialTags;
    this.tagCount = initialTagCount;
  }

  @Override
  public SpoorSpanContext context() {
    return context;
  }

  /** The tracer's process (service name and process tags) this span belongs to. */
  public SpoorProcess process() {
    return tracer.process();
  }

  /** The operation name. */
  public synchronized String operationName() {
    return operationName;
  }

  /** Start time in epoch microseconds. */
  public long startMicros() {
    return startMicros;
  }

  /** Duration in microseconds; 0 until finished. */
  public synchronized long durationMicros() {
    return durationMicros;
  }

  /** True once {@code finish} was called. */
  public synchronized boolean isFinished() {
    return finished;
  }

  /**
   * References to other spans ({@code child_of}, {@code follows_from}), in the order added; empty
   * for a span of an unsampled trace, which records nothing (its context still names its parent).
   */
  public List<SpoorReference> references() {
    return references;
  }

  /** Number of tags; with {@link #tagKey} and {@link #tagValue}, reads tags without copying. */
  public synchronized int tagCount() {
    return tagCount;
  }

  /** Key of tag {@code index} (0-based, in the order first set). */
  public synchronized String tagKey(int index) {
    checkTagIndex(index);
    return (String) tags[index * 2];
  }

  /** Value of tag {@code index}: a String, Boolean or Number (or other object set by a Tag). */
  public synchronized Object tagValue(int index) {
    checkTagIndex(index);
    return tags[index * 2 + 1];
  }

  /** A copy of the tags in the order first set. */
  public synchronized Map<String, Object> tags() {
    Map<String, Object> result = new LinkedHashMap<>(tagCount * 2);
    for (int i = 0; i < tagCount; i++) {
      result.put((String) tags[i * 2], tags[i * 2 + 1]);
    }
    return result;
  }

  /** The log records in the order logged, unmodifiable. */
  public synchronized List<LogRecord> logs() {
    return logs == null ? Collections.emptyList() : Collections.unmodifiableList(logs);
  }

  @Override
  public Span setOperationName(String name) {
    synchronized (this) {
      if (!finished) {
        if (name != null) {
          operationName = name;
        }
        return this;
      }
    }
    tracer.metrics().increment(Metric.CALLS_AFTER_FINISH);
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

  private Span putTag(String key, Object value) {
    if (!sampled || key == null || value == null) {
      return this;
    }
    synchronized (this) {
      if (!finished) {
        addTagLocked(key, value);
        return this;
      }
    }
    tracer.metrics().increment(Metric.CALLS_AFTER_FINISH);
    return this;
  }

  // Caller holds the monitor (or owns the span before publication).
  void addTagLocked(String key, Object value) {
    for (int i = 0; i < tagCount; i++) {
      if (key.equals(tags[i * 2])) {
        tags[i * 2 + 1] = value;
        return;
      }
    }
    if (tagCount >= tracer.limits().maxTagsPerSpan()) {
      tracer.metrics().increment(Metric.TAGS_DROPPED);
      return;
    }
    if (tags == null) {
      tags = new Object[8];
    } else if (tagCount * 2 == tags.length) {
      Object[] grown = new Object[tags.length * 2];
      System.arraycopy(tags, 0, grown, 0, tags.length);
      tags = grown;
    }
    tags[tagCount * 2] = key;
    tags[tagCount * 2 + 1] = value;
    tagCount++;
  }

  @Override
  public Span log(Map<String, ?> fields) {
    if (!sampled) {
      return this;
    }
    return addLog(tracer.clock().currentTimeMicros(), fields);
  }

  @Override
  public Span log(long timestampMicroseconds, Map<String, ?> fields) {
    if (!sampled) {
      return this;
    }
    return addLog(timestampMicroseconds, fields);
  }

  @Override
  public Span log(String event) {
    if (!sampled) {
      return this;
    }
    return addOwnedLog(tracer.clock().currentTimeMicros(), Collections.singletonMap("event", event));
  }

  @Override
  public Span log(long timestampMicroseconds, String event) {
    if (!sampled) {
      return this;
    }
    return addOwnedLog(timestampMicroseconds, Collections.singletonMap("event", event));
  }

  private Span addLog(long timestampMicros, Map<String, ?> fields) {
    if (fields == null || fields.isEmpty()) {
      return this;
    }
    // Copy: the caller may reuse its map after logging.
    return addOwnedLog(timestampMicros, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
  }

  private Span addOwnedLog(long timestampMicros, Map<String, ?> copy) {
    synchronized (this) {
      if (!finished) {
        if (logs == null) {
          logs = new ArrayList<>(4);
        }
        if (logs.size() >= tracer.limits().maxLogsPerSpan()) {
          tracer.metrics().increment(Metric.LOGS_DROPPED);
        } else {
          logs.add(new LogRecord(timestampMicros, copy));
        }
        return this;
      }
    }
    tracer.metrics().increment(Metric.CALLS_AFTER_FINISH);
    return this;
  }

  @Override
  public Span setBaggageItem(String key, String value) {
    if (key == null) {
      return this;
    }
    synchronized (this) {
      if (finished) {
        tracer.metrics().increment(Metric.CALLS_AFTER_FINISH);
        return this;
      }
      SpoorSpanContext current = context;
      boolean replacing = current.baggage().containsKey(key);
      if (value == null) {
        if (replacing) {
          Map<String, String> without = new HashMap<>(current.baggage());
          without.remove(key);
          context = current.withBaggage(without);
        }
        return this;
      }
      if (!replacing && current.baggage().size() >= tracer.limits().maxBaggageItems()) {
        tracer.metrics().increment(Metric.BAGGAGE_DROPPED);
        logBaggageLocked(key, value, replacing, false, true);
        return this;
      }
      boolean truncated = false;
      int maxLength = tracer.limits().maxBaggageValueLength();
      if (value.length() > maxLength) {
        value = value.substring(0, maxLength);
        truncated = true;
        tracer.metrics().increment(Metric.BAGGAGE_TRUNCATED);
      }
      context = current.withBaggageItem(key, value);
      logBaggageLocked(key, value, replacing, truncated, false);
    }
    return this;
  }

  // Jaeger logs every baggage write on a sampled span, so the trace shows where baggage came from.
  private void logBaggageLocked(
      String key, String value, boolean override, boolean truncated, boolean invalid) {
    if (!sampled) {
      return;
    }
    Map<String, Object> fields = new LinkedHashMap<>(8);
    fields.put("event", "baggage");
    fields.put("key", key);
    if (!invalid) {
      fields.put("value", value);
    }
    if (override) {
      fields.put("override", "true");
    }
    if (truncated) {
      fields.put("truncated", "true");
    }
    if (invalid) {
      fields.put("invalid", "true");
    }
    if (logs == null) {
      logs = new ArrayList<>(4);
    }
    if (logs.size() < tracer.limits().maxLogsPerSpan()) {
      logs.add(new LogRecord(tracer.clock().currentTimeMicros(),
          Collections.unmodifiableMap(fields)));
    } else {
      tracer.metrics().increment(Metric.LOGS_DROPPED);
    }
  }

  @Override
  public String getBaggageItem(String key) {
    return context.getBaggageItem(key);
  }

  @Override
  public void finish() {
    if (!sampled) {
      finishUnsampled();
      return;
    }
    long endNanos = startNanos != 0 ? tracer.clock().nanoTime() : 0;
    long duration = startNanos != 0 ? (endNanos - startNanos) / 1000
        : tracer.clock().currentTimeMicros() - startMicros;
    finishWithDuration(duration);
  }

  @Override
  public void finish(long finishMicros) {
    if (!sampled) {
      finishUnsampled();
      return;
    }
    finishWithDuration(finishMicros - startMicros);
  }

  // Nothing to freeze or count in a span that records nothing (see RATIONALE.md, "Unsampled
  // finish is free"); a plain write, so isFinished() may lag on another thread.
  private void finishUnsampled() {
    finished = true;
  }

  private void finishWithDuration(long duration) {
    synchronized (this) {
      if (finished) {
        tracer.metrics().increment(Metric.CALLS_AFTER_FINISH);
        return;
      }
      finished = true;
      durationMicros = Math.max(0, duration);
    }
    tracer.spanFinished(this);
  }

  private void checkTagIndex(int index) {
    if (index < 0 || index >= tagCount) {
      throw new IndexOutOfBoundsException("tag index " + index + ", count " + tagCount);
    }
  }

  @Override
  public String toString() {
    return "SpoorSpan{" + context + " " + operationName() + "}";
  }
}
