package dev.spoor.examples.shop;

import com.sun.net.httpserver.HttpHandler;
import java.time.Duration;

/**
 * Counts the exchanges a service is still handling, so the shop can tell when every server span of
 * the requests answered so far has finished. The tracing wrapper finishes its span after the
 * response is written, so a caller may hold the answer a moment before the span is done.
 */
final class ExchangesInFlight {
  private final Object lock = new Object();
  // Guarded by lock.
  private int inFlight;

  /** Wraps {@code handler} so that each exchange counts from its start until it returns. */
  HttpHandler track(HttpHandler handler) {
    return exchange -> {
      synchronized (lock) {
        inFlight++;
      }
      try {
        handler.handle(exchange);
      } finally {
        synchronized (lock) {
          inFlight--;
          lock.notifyAll();
        }
      }
    };
  }

  /**
   * Waits until no exchange is being handled, at most {@code timeout}.
   *
   * @return true when idle, false when the timeout came first
   */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (inFlight > 0) {
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000L;
        if (remainingMillis <= 0) {
          return false;
        }
        lock.wait(remainingMillis);
      }
      return true;
    }
  }
}
