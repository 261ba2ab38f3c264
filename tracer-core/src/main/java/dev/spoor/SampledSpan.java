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
 * access holds this span's own lock ({@link #lock()}), never a lock shared with other spans; once
 * finished it is frozen and reporters read it without locking. Spans of unsampled traces are
 * plain {@link SpoorSpan}s, which record nothing and so stay small (see tracer-core/RATIONALE.md,
 * "Why is an unsampled span a smaller type that records nothing?").
 */
final class SampledSpan extends SpoorSpan {
  private final long startMicros;
  private final long startNanos; // 0 when the start time was given explicitly
  private final List<SpoorReference> references;

  private Object[] tags; // key, value, key, value...; null until the first tag
  private int tagCount;
  private List<LogRecord> logs;
  private long durationMicros;

  SampledSpan(
      SpoorTracer tracer,
      SpoorSpanContext context,
      String operationName,
      long startMicros,
      long startNanos,
      List<SpoorReference> references,
      Object[] initialTags,
      int initialTagCount) {
    super(tracer, context, operationName);
    this.startMicros = startMicros;
    this.startNanos = startNanos;
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
    boolean locked = lock();
    try {
      return durationMicros;
    } finally {
      unlockIf(locked);
    }
  }

  @Override
  public List<SpoorReference> references() {
    return references;
  }

  @Override
  public int tagCount() {
    boolean locked = lock();
    try {
      return tagCount;
    } finally {
      unlockIf(locked);
    }
  }

  @Override
  public String tagKey(int index) {
    boolean locked = lock();
    try {
      checkTagIndex(index);
      return (String) tags[index * 2];
    } finally {
      unlockIf(locked);
    }
  }

  @Override
  public Object tagValue(int index) {
    boolean locked = lock();
    try {
      checkTagIndex(index);
      return tags[index * 2 + 1];
    } finally {
      unlockIf(locked);
    }
  }

  @Override
  public Map<String, Object> tags() {
    boolean locked = lock();
    try {
      Map<String, Object> result = new LinkedHashMap<>(tagCount * 2);
      for (int i = 0; i < tagCount; i++) {
        result.put((String) tags[i * 2], tags[i * 2 + 1]);
      }
      return result;
    } finally {
      unlockIf(locked);
    }
  }

  @Override
  public List<LogRecord> logs() {
    boolean locked = lock();
    try {
      return logs == null ? Collections.emptyList() : Collections.unmodifiableList(logs);
    } finally {
      unlockIf(locked);
    }
  }

  @Override
  Span putTag(String key, Object value) {
    if (key == null || value == null) {
      return this;
    }
    if (!lock()) {
      tracer.counters.increment(Metric.CALLS_AFTER_FINISH);
      return this;
    }
    try {
      addTagLocked(key, value);
    } finally {
      unlockIf(true);
    }
    return this;
  }

  // Caller holds the lock (or owns the span before publication).
  void addTagLocked(String key, Object value) {
    int existing = TagArrays.indexOf(tags, tagCount, key);
    if (existing >= 0) {
      tags[existing * 2 + 1] = value;
      return;
    }
    if (tagCount >= tracer.limits().maxTagsPerSpan()) {
      tracer.counters.increment(Metric.TAGS_DROPPED);
      return;
    }
    tags = TagArrays.withRoomFor(tags, tagCount);
    tags[tagCount * 2] = key;
    tags[tagCount * 2 + 1] = value;
    tagCount++;
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
    if (!lock()) {
      tracer.counters.increment(Metric.CALLS_AFTER_FINISH);
      return this;
    }
    try {
      if (logs == null) {
        logs = new ArrayList<>(4);
      }
      if (logs.size() >= tracer.limits().maxLogsPerSpan()) {
        tracer.counters.increment(Metric.LOGS_DROPPED);
      } else {
        logs.add(new LogRecord(timestampMicros, copy));
      }
    } finally {
      unlockIf(true);
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
    long endNanos = startNanos != 0 ? tracer.clock().nanoTime() : 0;
    long duration = startNanos != 0 ? (endNanos - startNanos) / 1000
        : tracer.clock().currentTimeMicros() - startMicros;
    finishWithDuration(duration);
  }

  @Override
  public void finish(long finishMicros) {
    finishWithDuration(finishMicros - startMicros);
  }

  private void finishWithDuration(long duration) {
    if (!lock()) {
      tracer.counters.increment(Metric.CALLS_AFTER_FINISH);
      return;
    }
    durationMicros = Math.max(0, duration);
    finishLocked(); // one CAS (in lock) and a release store: a monitor cost two CASes
    tracer.spanFinished(this);
  }

  private void checkTagIndex(int index) {
    if (index < 0 || index >= tagCount) {
      throw new IndexOutOfBoundsException("tag index " + index + ", count " + tagCount);
    }
  }
}
