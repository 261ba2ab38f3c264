package dev.spoor.sampler;

import java.util.concurrent.atomic.AtomicLong;

/** A nanosecond clock for rate limiters that only the test moves; starts at an odd origin. */
final class ManualNanoClock implements RateLimitingSampler.TokenBucket.NanoClock {
  private final AtomicLong nanos = new AtomicLong(-987_654_321L);

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  void advanceMillis(long millis) {
    nanos.addAndGet(millis * 1_000_000L);
  }
}
