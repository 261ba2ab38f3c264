package dev.spoor.examples.agent;

import java.util.Locale;

/** The hex form of trace and span ids, the way the Jaeger UI and Spoor's MDC print them. */
public final class TraceIds {
  private TraceIds() {}

  /**
   * Returns a trace id as 32 lower-case hex digits when its high half is set, else 16, matching
   * what Spoor writes into the MDC so that log lines and traces can be joined by string equality.
   */
  public static String traceIdHex(long high, long low) {
    return high != 0L
        ? String.format(Locale.ROOT, "%016x%016x", high, low)
        : String.format(Locale.ROOT, "%016x", low);
  }

  /** Returns a span id as exactly 16 lower-case hex digits. */
  public static String spanIdHex(long spanId) {
    return String.format(Locale.ROOT, "%016x", spanId);
  }
}
