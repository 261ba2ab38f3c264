package dev.spoor.reporter;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How long to wait before the next attempt at a message: exponential backoff ({@value
 * #INITIAL_BACKOFF_MILLIS} ms, doubling up to {@value #MAX_BACKOFF_MILLIS} ms) with jitter (a
 * random 50-100 % of it, so that many services do not retry in step), or the backend's {@code
 * Retry-After} capped at {@value #MAX_RETRY_AFTER_MILLIS} ms. No wait reaches past the deadline
 * that {@link #closeBy} sets: a closing reporter gives up rather than overstay its close timeout.
 * Waits park the thread, and {@link RemoteReporter#close()} unparks it, so a close is seen at
 * once.
 */
final class RetryPolicy {
  static final int DEFAULT_MAX_ATTEMPTS = 5;
  static final long INITIAL_BACKOFF_MILLIS = 100;
  static final long MAX_BACKOFF_MILLIS = 5_000;
  static final long MAX_RETRY_AFTER_MILLIS = 10_000;

  private final int maxAttempts;
  private volatile long deadlineNanos;
  private volatile boolean hasDeadline;

  RetryPolicy(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  int maxAttempts() {
    return maxAttempts;
  }

  /** From now on, no attempt and no wait past {@code deadlineNanos} ({@code System.nanoTime}). */
  void closeBy(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
    this.hasDeadline = true;
  }

  boolean pastDeadline() {
    return hasDeadline && System.nanoTime() - deadlineNanos > 0;
  }

  /** The wait before attempt {@code attempt + 1}, in ms. */
  static long delayMillis(int attempt, long retryAfterMillis) {
    if (retryAfterMillis >= 0) {
      return Math.min(retryAfterMillis, MAX_RETRY_AFTER_MILLIS);
    }
    long backoff = Math.min(MAX_BACKOFF_MILLIS,
        INITIAL_BACKOFF_MILLIS << Math.min(attempt - 1, 20));
    return backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
  }

  /**
   * Waits before attempt {@code attempt + 1}; false, at once, when the wait would end past the
   * deadline (or the deadline is set while waiting and falls before its end).
   */
  boolean awaitRetry(int attempt, long retryAfterMillis) {
    long end = System.nanoTime()
        + TimeUnit.MILLISECONDS.toNanos(delayMillis(attempt, retryAfterMillis));
    boolean interrupted = false;
    try {
      while (true) {
        if (hasDeadline && end - deadlineNanos > 0) {
          return false;
        }
        long remaining = end - System.nanoTime();
        if (remaining <= 0) {
          return true;
        }
        LockSupport.parkNanos(this, remaining);
        // An interrupt would make every later park return at once: note it, restore it after.
        interrupted |= Thread.interrupted();
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
