package dev.spoor;

import java.time.Instant;

/**
 * Time source for spans: wall-clock epoch microseconds for start timestamps, and a monotonic
 * nanosecond counter for durations, so that a wall-clock step (NTP) never yields a negative or
 * wrong duration. Replace it in tests to get deterministic timestamps.
 */
public interface Clock {
  /** The system clock: {@link Instant#now()} for timestamps and {@link System#nanoTime()}. */
  Clock SYSTEM = new Clock() {
    @Override
    public long currentTimeMicros() {
      Instant now = Instant.now();
      return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public String toString() {
      return "Clock.SYSTEM";
    }
  };

  /** Wall-clock time in microseconds since the epoch. */
  long currentTimeMicros();

  /** A monotonic counter in nanoseconds, only meaningful as a difference. */
  long nanoTime();
}
