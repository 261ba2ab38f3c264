package dev.spoor.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a warning at most once per interval, so that a flood of bad input or a dead agent cannot
 * flood the application's logs. Suppressed occurrences are counted and reported with the next
 * warning. Not API.
 */
public final class RateLimitedLogger {
  private final Logger logger;
  private final long intervalNanos;
  private final AtomicLong nextAllowedNanos;
  private final AtomicLong suppressed = new AtomicLong();

  /** Creates a logger that writes through {@code logger} at most once per {@code interval}. */
  public RateLimitedLogger(Logger logger, long interval, TimeUnit unit) {
    this.logger = logger;
    this.intervalNanos = unit.toNanos(interval);
    this.nextAllowedNanos = new AtomicLong(System.nanoTime());
  }

  /** Logs {@code message} (SLF4J format) at WARN unless a warning was logged within the interval. */
  public void warn(String message, Object... args) {
    long now = System.nanoTime();
    long next = nextAllowedNanos.get();
    if (now - next < 0 || !nextAllowedNanos.compareAndSet(next, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return;
    }
    long skipped = suppressed.getAndSet(0);
    if (skipped > 0) {
      logger.warn(message + " ({} similar warnings suppressed)", append(args, skipped));
    } else {
      logger.warn(message, args);
    }
  }

  private static Object[] append(Object[] args, long value) {
    Object[] result = new Object[args.length + 1];
    System.arraycopy(args, 0, result, 0, args.length);
    result[args.length] = value;
    return result;
  }
}
