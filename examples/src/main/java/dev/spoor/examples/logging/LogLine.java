package dev.spoor.examples.logging;

/**
 * One log line as {@link TraceLogBuffer} kept it: the logfmt text the layout wrote, and the
 * fields a trace view needs to place it without parsing the text again.
 *
 * @param epochMicros when the event was logged, in microseconds since the epoch (the log line's
 *     {@code ts} shows milliseconds)
 * @param level the level name, e.g. {@code INFO}
 * @param service the {@code service} MDC value, or null outside a service's threads
 * @param traceId the {@code traceID} MDC value, or null outside a span
 * @param spanId the {@code spanID} MDC value, or null outside a span
 * @param text the whole logfmt line, without its line separator
 */
public record LogLine(
    long epochMicros, String level, String service, String traceId, String spanId, String text) {
  /** Checks the values. */
  public LogLine {
    if (level == null) {
      throw new NullPointerException("level == null");
    }
    if (text == null) {
      throw new NullPointerException("text == null");
    }
  }
}
