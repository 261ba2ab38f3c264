package dev.spoor;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * {@link Clock#SYSTEM}: epoch microseconds derived from {@link System#nanoTime()} and an anchor
 * (one {@link Instant#now()} paired with one {@code nanoTime()}) taken again after every second.
 * A sampled span then reads the clock once at start instead of twice (epoch time and nanoTime),
 * and a wall-clock step or slew shows within a second. Brave and OpenTelemetry anchor once per
 * local trace instead, so their drift is bounded by the trace's length, not by a second.
 */
final class SystemClock implements Clock {
  private static final long ANCHOR_NANOS = TimeUnit.SECONDS.toNanos(1);

  private volatile Anchor anchor = new Anchor();

  @Override
  public long currentTimeMicros() {
    return epochMicrosAt(System.nanoTime());
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  /** Epoch microseconds at {@code nanoTime}, a {@link System#nanoTime()} value read just now. */
  long epochMicrosAt(long nanoTime) {
    Anchor current = anchor;
    long elapsed = nanoTime - current.nanoTime;
    if (elapsed >= ANCHOR_NANOS) {
      current = new Anchor(); // racing threads may each anchor: every anchor is valid
      anchor = current;
      elapsed = nanoTime - current.nanoTime; // slightly negative at most: still the right time
    }
    return current.epochMicros + elapsed / 1_000;
  }

  @Override
  public String toString() {
    return "Clock.SYSTEM";
  }

  private static final class Anchor {
    final long nanoTime = System.nanoTime();
    final long epochMicros = epochMicrosNow();

    private static long epochMicrosNow() {
      Instant now = Instant.now();
      return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
  }
}
