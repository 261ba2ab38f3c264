package dev.spoor;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@link Clock#SYSTEM}: epoch microseconds derived from {@link System#nanoTime()} and an anchor
 * (one {@link Instant#now()} paired with one {@code nanoTime()}) taken again after every second.
 * A sampled span then reads the clock once at start instead of twice (epoch time and nanoTime),
 * and a wall-clock step or slew shows within a second. Brave and OpenTelemetry anchor once per
 * local trace instead, so their drift is bounded by the trace's length, not by a second.
 */
final class SystemClock implements Clock {
  /** How long an anchor serves before the next reading takes a new one. */
  static final long ANCHOR_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final LongSupplier nanoSource;
  private final LongSupplier epochMicrosSource;
  private volatile Anchor anchor;

  SystemClock() {
    this(System::nanoTime, SystemClock::instantMicros);
  }

  /** A clock on other time sources, so that a test can move them (and step the wall clock). */
  SystemClock(LongSupplier nanoSource, LongSupplier epochMicrosSource) {
    this.nanoSource = nanoSource;
    this.epochMicrosSource = epochMicrosSource;
    this.anchor = newAnchor();
  }

  @Override
  public long currentTimeMicros() {
    return epochMicrosAt(nanoSource.getAsLong());
  }

  @Override
  public long nanoTime() {
    return nanoSource.getAsLong();
  }

  /** Epoch microseconds at {@code nanoTime}, a {@link #nanoTime()} value read just now. */
  @Override
  public long epochMicrosAt(long nanoTime) {
    Anchor current = anchor;
    long elapsed = nanoTime - current.nanoTime;
    if (elapsed >= ANCHOR_NANOS) {
      current = newAnchor(); // racing threads may each anchor: every anchor is valid
      anchor = current;
      elapsed = nanoTime - current.nanoTime; // slightly negative at most: still the right time
    }
    return current.epochMicros + elapsed / 1_000;
  }

  private Anchor newAnchor() {
    return new Anchor(nanoSource.getAsLong(), epochMicrosSource.getAsLong());
  }

  private static long instantMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  @Override
  public String toString() {
    return "Clock.SYSTEM";
  }

  private static final class Anchor {
    final long nanoTime;
    final long epochMicros;

    Anchor(long nanoTime, long epochMicros) {
      this.nanoTime = nanoTime;
      this.epochMicros = epochMicros;
    }
  }
}
