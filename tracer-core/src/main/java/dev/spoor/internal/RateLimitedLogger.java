package dev.spoor.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs a warning at most once per interval, so that a flood of bad input or a dead agent cannot
 * flood the application's logs. Suppressed occurrences are counted and reported with the next
 * warning. The fixed-arity {@code warn} methods check the rate limit before anything else, so a
 * suppressed warning costs one clock read and allocates nothing: pass the objects to describe
 * (their {@code toString} runs only when the warning is written), not strings built for it. As in
 * SLF4J, a {@link Throwable} as the last argument is logged with its stack trace. Writes through a
 * {@link LibraryLogger}, i.e. {@code java.util.logging}, at {@code WARNING}. Not API.
 */
public final class RateLimitedLogger {
  private static final String SUPPRESSED_NOTE = " ({} similar warnings suppressed)";

  private final LibraryLogger logger;
  private final long intervalNanos;
  private final AtomicLong nextAllowedNanos;
  private final AtomicLong suppressed = new AtomicLong();

  /** Creates a logger that writes through {@code logger} at most once per {@code interval}. */
  public RateLimitedLogger(LibraryLogger logger, long interval, TimeUnit unit) {
    this.logger = logger;
    this.intervalNanos = unit.toNanos(interval);
    this.nextAllowedNanos = new AtomicLong(System.nanoTime());
  }

  /** Logs {@code message} at WARN unless a warning was logged within the interval. */
  public void warn(String message) {
    if (allowed()) {
      write(message, new Object[0]);
    }
  }

  /** Logs {@code message} at WARN unless a warning was logged within the interval. */
  public void warn(String message, Object arg) {
    if (allowed()) {
      write(message, new Object[] {arg});
    }
  }

  /** Logs {@code message} at WARN unless a warning was logged within the interval. */
  public void warn(String message, Object arg1, Object arg2) {
    if (allowed()) {
      write(message, new Object[] {arg1, arg2});
    }
  }

  /**
   * Logs {@code message} at WARN unless a warning was logged within the interval.
   * The array is made even when the warning is suppressed: prefer the fixed-arity forms on paths
   * that bad input can reach often.
   */
  public void warn(String message, Object... args) {
    if (allowed()) {
      write(message, args);
    }
  }

  private boolean allowed() {
    long now = System.nanoTime();
    long next = nextAllowedNanos.get();
    if (now - next < 0 || !nextAllowedNanos.compareAndSet(next, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return false;
    }
    return true;
  }

  private void write(String message, Object[] args) {
    long skipped = suppressed.getAndSet(0);
    if (skipped > 0) {
      logger.warn(message + SUPPRESSED_NOTE, withCount(args, skipped));
    } else {
      logger.warn(message, args);
    }
  }

  // The count fills the note's placeholder; a trailing Throwable stays last so it is still logged
  // as the exception.
  private static Object[] withCount(Object[] args, long count) {
    int n = args.length;
    boolean throwableLast = n > 0 && args[n - 1] instanceof Throwable;
    int at = throwableLast ? n - 1 : n;
    Object[] result = new Object[n + 1];
    System.arraycopy(args, 0, result, 0, at);
    result[at] = count;
    System.arraycopy(args, at, result, at + 1, n - at);
    return result;
  }
}
