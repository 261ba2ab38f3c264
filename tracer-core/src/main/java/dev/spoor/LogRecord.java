package dev.spoor;

import java.util.Map;

/** One timestamped structured log entry of a span ({@code span.log(...)}). */
public final class LogRecord {
  private final long timestampMicros;
  private final Map<String, ?> fields;

  LogRecord(long timestampMicros, Map<String, ?> fields) {
    this.timestampMicros = timestampMicros;
    this.fields = fields;
  }

  /** When the event happened, in epoch microseconds. */
  public long timestampMicros() {
    return timestampMicros;
  }

  /** The fields, unmodifiable; values are String, Boolean, Number or other objects. */
  public Map<String, ?> fields() {
    return fields;
  }

  @Override
  public String toString() {
    return timestampMicros + fields.toString();
  }
}
