package dev.spoor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that tests move by hand: the wall clock and the monotonic clock advance together with
 * {@link #advanceMicros}, and the wall clock alone can be stepped (as NTP does) with
 * {@link #stepWallClockMicros}.
 */
public final class ManualClock implements Clock {
  private final AtomicLong wallMicros;
  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

  public ManualClock(long epochMicros) {
    this.wallMicros = new AtomicLong(epochMicros);
  }

  public void advanceMicros(long micros) {
    wallMicros.addAndGet(micros);
    nanos.addAndGet(micros * 1000);
  }

  public void stepWallClockMicros(long micros) {
    wallMicros.addAndGet(micros);
  }

  @Override
  public long currentTimeMicros() {
    return wallMicros.get();
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }
}
