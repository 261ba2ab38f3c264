package dev.spoor;

/**
 * Time source for spans: wall-clock epoch microseconds for start timestamps, and a monotonic
 * nanosecond counter for durations, so that a wall-clock step (NTP) never yields a negative or
 * wrong duration. Replace it in tests to get deterministic timestamps.
 */
public interface Clock {
  /**
   * The system clock: {@link System#nanoTime()}, and epoch time derived from it with an anchor to
   * {@link java.time.Instant#now()} that is renewed every second (so one clock read serves both).
   */
  Clock SYSTEM = new SystemClock();

  /** Wall-clock time in microseconds since the epoch. */
  long currentTimeMicros();

  /** A monotonic counter in nanoseconds, only meaningful as a difference. */
  long nanoTime();

  /**
   * Wall-clock time in microseconds since the epoch at {@code nanoTime}, a {@link #nanoTime()}
   * value this clock returned just now: a span's start needs both readings, and a clock that
   * derives one from the other (as {@link #SYSTEM} does) reads time once. The default reads the
   * wall clock, {@link #currentTimeMicros()}.
   */
  default long epochMicrosAt(long nanoTime) {
    return currentTimeMicros();
  }
}
