package dev.spoor.examples.shop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The count that lets the shop wait for its server spans to finish. */
class ExchangesInFlightTest {
  @Test
  void isIdleOnlyOnceEveryTrackedExchangeHasReturned() throws Exception {
    ExchangesInFlight inFlight = new ExchangesInFlight();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpHandler tracked = inFlight.track(exchange -> {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertTrue(inFlight.awaitIdle(Duration.ZERO));
    Thread handler = new Thread(() -> {
      try {
        tracked.handle(null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    handler.start();
    try {
      assertTrue(entered.await(10, TimeUnit.SECONDS));

      assertFalse(inFlight.awaitIdle(Duration.ofMillis(30)));
      release.countDown();
      assertTrue(inFlight.awaitIdle(Duration.ofSeconds(10)));
    } finally {
      release.countDown();
      handler.join(10_000);
    }
  }
}
