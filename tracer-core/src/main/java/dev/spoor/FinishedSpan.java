package dev.spoor;

import java.util.List;
import java.util.Map;

/**
 * A finished, sampled span as reporters see it: read-only, frozen, safe to read from any thread
 * without locking. This is the type every {@link dev.spoor.reporter.Reporter} and wire encoder
 * receives; the application's {@link io.opentracing.Span} is not.
 */
public interface FinishedSpan {
  /** The span's identity: trace id, span id, parent id, flags and baggage. */
  SpoorSpanContext context();

  /** The tracer's process (service name and process tags) the span belongs to. */
  SpoorProcess process();

  /** The operation name. */
  String operationName();

  /** Start time in epoch microseconds. */
  long startMicros();

  /** Duration in microseconds. */
  long durationMicros();

  /**
   * References to other spans ({@code child_of}, {@code follows_from}) in the order added,
   * unmodifiable.
   */
  List<SpoorReference> references();

  /** Number of tags; with {@link #tagKey} and {@link #tagValue}, reads tags without copying. */
  int tagCount();

  /** Key of tag {@code index} (0-based, in the order first set). */
  String tagKey(int index);

  /** Value of tag {@code index}: a String, Boolean or Number (or other object set by a Tag). */
  Object tagValue(int index);

  /** A copy of the tags in the order first set. */
  Map<String, Object> tags();

  /** The log records in the order logged, unmodifiable. */
  List<LogRecord> logs();
}
