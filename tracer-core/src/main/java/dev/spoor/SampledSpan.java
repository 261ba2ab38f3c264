package dev.spoor;

import dev.spoor.metrics.Metric;
import io.opentracing.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A span of a sampled trace: records tags, logs, references and timing for the reporter. Every
 * access holds this span's own lock ({@link SpanLock}), never a lock shared with other spans; once
 * finished it is frozen and reporters read it without locking (a plain load of the state, no
 * CAS). Spans of unsampled traces are plain {@link SpoorSpan}s, which record nothing and so stay
 * small (see tracer-core/RATIONALE.md, "Why is an unsampled span a smaller type that records
 * nothing?").
 */
final class SampledSpan extends SpoorSpan implements TagList.Owner {
  private final long startMicros;
  private final long startNanos; // the clock's nanoTime() at start, when timedByNanoTime
  // False when the start time was given explicitly: the duration is then on the wall clock too.
  private final boolean timedByNanoTime;
  private final List<SpoorReference> references;

  // Guarded by the lock; frozen once finished.
  private Object[] tags; // a TagList: key, value, key, value...; null until the first tag
  private int tagCount;
  private List<LogRecord> logs;
  private long durationMicros;

  SampledSpan(
      SpoorTracer tracer,
      SpoorSpanContext context,
      String operationName,
      long startMicros,
      long startNanos,
      boolean timedByNanoTime,
      List<SpoorReference> references,
      Object[] initialTags,
      int initialTagCount) {
    super(tracer, context, operationName);
    this.startMicros = startMicros;
    this.startNanos = startNanos;
    this.timedByNanoTime = timedByNanoTime;
    this.references = references;
    this.tags = initialTags;
    this.tagCount = initialTagCount;
  }

  @Override
  public long startMicros() {
    return startMicros;
  }

  @Override
  public long durationMicros() {
    lock();
    try {
      return durationMicros;
    } finally {
      unlock();
    }
  }

  @Override
  public List<SpoorReference> references() {
    return references;
  }

  @Override
  public int tagCount() {
    lock();
    try {
      return tagCount;
    } finally {
      unlock();
    }
  }

  @Override
  public String tagKey(int index) {
    lock();
    try {
      return TagList.key(tags, tagCount, index);
    } finally {
      unlock();
    }
  }

  @Override
  public Object tagValue(int index) {
    lock();
    try {
      return TagList.value(tags, tagCount, index);
    } finally {
      unlock();
    }
  }

  @Override
  public Map<String, Object> tags() {
    lock();
    try {
      return TagList.toMap(tags, tagCount);
    } finally {
      unlock();
    }
  }

  @Override
  public List<LogRecord> logs() {
    lock();
    try {
      return logs == null ? Collections.emptyList() : Collections.unmodifiableList(logs);
    } finally {
      unlock();
    }
  }

  @Override
  Span putTag(String key, Object value) {
    if (key == null || value == null) {
      return this;
    }
    lock();
    try {
      if (isFinished()) {
        tracer.counters.increment(Metric.CALLS_AFTER_FINISH);
      } else {
        addTagLocked(key, value);
      }
    } finally {
      unlock();
    }
    return this;
  }

  // Caller holds the lock (or owns the span before publication).
  void addTagLocked(String key, Object value) {
    if (!TagList.put(this, key, value, tracer.limits().maxTagsPerSpan())) {
      tracer.counters.increment(Metric.TAGS_DROPPED);
    }
  }

  @Override
  public Object[] tagArray() {
    return tags;
  }

  @Override
  public int tagArrayCount() {
    return tagCount;
  }

  @Override
  public void updateTagArray(Object[] array, int count) {
    tags = array;
    tagCount = count;
  }

  @Override
  public Span log(Map<String, ?> fields) {
    return addLog(tracer.clock().currentTimeMicros(), fields);
  }

  @Override
  public Span log(long timestampMicroseconds, Map<String, ?> fields) {
    return addLog(timestampMicroseconds, fields);
  }

  @Override
  public Span log(String event) {
    return addOwnedLog(
        tracer.clock().currentTimeMicros(), Collections.singletonMap("event", event));
  }

  @Override
  public Span log(long timestampMicroseconds, String event) {
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
    lock();
    try {
      if (isFinished()) {
        tracer.counters.increment(Metric.CALLS_AFTER_FINISH);
        return this;
      }
      if (logs == null) {
        logs = new ArrayList<>(4);
      }
      if (logs.size() >= tracer.limits().maxLogsPerSpan()) {
        tracer.counters.increment(Metric.LOGS_DROPPED);
      } else {
        logs.add(new LogRecord(timestampMicros, copy));
      }
    } finally {
      unlock();
    }
    return this;
  }

  // Jaeger logs every baggage write on a sampled span, so the trace shows where baggage came from.
  @Override
  void logBaggageLocked(
      String key, String value, boolean override, boolean truncated, boolean invalid) {
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
      tracer.counters.increment(Metric.LOGS_DROPPED);
    }
  }

  @Override
  public void finish() {
    long duration = timedByNanoTime ? (tracer.clock().nanoTime() - startNanos) / 1000
        : tracer.clock().currentTimeMicros() - startMicros;
    finishWithDuration(duration);
  }

  @Override
  public void finish(long finishMicros) {
    finishWithDuration(finishMicros - startMicros);
  }

  private void finishWithDuration(long duration) {
    lock();
    try {
      if (isFinished()) {
        tracer.counters.increment(Metric.CALLS_AFTER_FINISH);
        return;
      }
      durationMicros = Math.max(0, duration);
      finishLocked(); // one CAS (in lock) and a release store: a monitor cost two CASes
    } finally {
      unlock(); // finished: reads the state, no CAS
    }
    tracer.spanFinished(this);
  }
}
