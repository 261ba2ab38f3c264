package dev.spoor.sampler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Samples at most N traces per second with a token bucket ({@code
 * JAEGER_SAMPLER_TYPE=ratelimiting}). The bucket holds at most {@code max(1, N)} tokens and refills
 * continuously; taking a token is a lock-free compare-and-set on one word.
 */
public final class RateLimitingSampler implements Sampler {
  /** The {@code sampler.type} value. */
  public static final String TYPE = "ratelimiting";

  private final double tracesPerSecond;
  private final SamplingDecision yes;
  private final SamplingDecision no;
  private final TokenBucket bucket;

  /**
   * @param tracesPerSecond maximum traces started per second, at least 0
   * @throws IllegalArgumentException when negative or NaN
   */
  public RateLimitingSampler(double tracesPerSecond) {
    this(tracesPerSecond, System::nanoTime);
  }

  RateLimitingSampler(double tracesPerSecond, TokenBucket.NanoClock clock) {
    if (!(tracesPerSecond >= 0.0) || Double.isInfinite(tracesPerSecond)) {
      throw new IllegalArgumentException(
          "tracesPerSecond must be a finite number >= 0, was " + tracesPerSecond);
    }
    this.tracesPerSecond = tracesPerSecond;
    this.yes = new SamplingDecision(true, TYPE, tracesPerSecond);
    this.no = new SamplingDecision(false, TYPE, tracesPerSecond);
    this.bucket = new TokenBucket(tracesPerSecond, Math.max(1.0, tracesPerSecond), clock);
  }

  /** The configured rate. */
  public double tracesPerSecond() {
    return tracesPerSecond;
  }

  @Override
  public SamplingDecision sample(String operationName, long traceIdHigh, long traceIdLow) {
    return bucket.tryTake() ? yes : no;
  }

  @Override
  public String toString() {
    return "RateLimitingSampler{" + tracesPerSecond + "/s}";
  }

  /**
   * A lock-free token bucket. State is the virtual time (nanos) at which the bucket was empty:
   * tokens available = (now - emptyAt) * rate, capped at capacity. Taking a token moves emptyAt
   * forward by the cost of one token. A rate of 0 never refills: the bucket then holds no token
   * at all, or (for a lower bound, see {@link #lowerBound}) the one it started with.
   */
  static final class TokenBucket {
    interface NanoClock {
      long nanoTime();
    }

    private static final VarHandle EMPTY_AT;

    static {
      try {
        EMPTY_AT = MethodHandles.lookup().findVarHandle(TokenBucket.class, "emptyAt", long.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private static final long UNTAKEN = 0L;
    private static final long TAKEN = 1L;
    // About 73 years: longer waits are clamped, so that nanoTime arithmetic never overflows.
    private static final long MAX_NANOS = 1L << 61;

    private final NanoClock clock;
    private final long nanosPerToken;
    private final long capacityNanos;
    private volatile long emptyAt; // at rate 0: UNTAKEN or TAKEN; in the bucket, no indirection
    private final boolean refills;

    TokenBucket(double tokensPerSecond, double capacity, NanoClock clock) {
      this(tokensPerSecond, capacity, clock, false);
    }

    /**
     * jaeger-client-java's lower bound: a bucket of {@code max(1, rate)} tokens that starts full,
     * so that even at rate 0 it lets exactly one trace through (its RateLimiter does, through an
     * overflow; jaeger-client-go's by design).
     */
    static TokenBucket lowerBound(double tokensPerSecond, NanoClock clock) {
      return new TokenBucket(tokensPerSecond, Math.max(1.0, tokensPerSecond), clock, true);
    }

    private TokenBucket(
        double tokensPerSecond, double capacity, NanoClock clock, boolean oneTokenAtRateZero) {
      this.clock = clock;
      this.refills = tokensPerSecond > 0;
      this.nanosPerToken = refills
          ? (long) Math.min(MAX_NANOS, Math.max(1, 1_000_000_000L / tokensPerSecond)) : 0;
      this.capacityNanos = refills ? (long) Math.min(MAX_NANOS, capacity * nanosPerToken) : 0;
      // Start full, as jaeger-client-java does, so the first request of a service is sampled.
      this.emptyAt = refills ? clock.nanoTime() - capacityNanos
          : oneTokenAtRateZero ? UNTAKEN : TAKEN;
    }

    boolean tryTake() {
      if (!refills) {
        // One read, no clock and no CAS once the token is gone.
        return emptyAt == UNTAKEN && EMPTY_AT.compareAndSet(this, UNTAKEN, TAKEN);
      }
      while (true) {
        long now = clock.nanoTime();
        long current = emptyAt;
        long base = now - current > capacityNanos ? now - capacityNanos : current;
        long next = base + nanosPerToken;
        if (next - now > 0) {
          return false;
        }
        if (EMPTY_AT.compareAndSet(this, current, next)) {
          return true;
        }
      }
    }
  }
}
