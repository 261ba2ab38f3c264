package dev.spoor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.LogCapture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class RateLimitedLoggerTest {
  private static final String NAME = "dev.spoor.internal.RateLimitedLoggerTest";

  @Test
  void aSuppressedWarningNeverRendersItsArguments() {
    AtomicInteger rendered = new AtomicInteger();
    Object argument = new Object() {
      @Override
      public String toString() {
        rendered.incrementAndGet();
        return "argument";
      }
    };
    RateLimitedLogger warnings =
        new RateLimitedLogger(LibraryLogger.named(NAME), 1, TimeUnit.HOURS);
    try (LogCapture log = new LogCapture(NAME)) {
      for (int i = 0; i < 1_000; i++) {
        warnings.warn("bad {}", argument);
        warnings.warn("bad {} {}", argument, argument);
        warnings.warn("bad");
      }
      assertEquals(1, log.events().size());
      assertEquals("bad argument", log.messages().get(0));
      assertEquals(1, rendered.get());
    }
  }

  @Test
  void theSuppressedCountGoesBeforeATrailingThrowableWhichStaysTheException() {
    RateLimitedLogger warnings =
        new RateLimitedLogger(LibraryLogger.named(NAME), 20, TimeUnit.MILLISECONDS);
    IllegalStateException failure = new IllegalStateException("boom");
    try (LogCapture log = new LogCapture(NAME)) {
      warnings.warn("{} failed", "first", failure);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (log.events().size() < 2 && System.nanoTime() - deadline < 0) {
        warnings.warn("{} failed", "later", failure);
      }
      assertEquals(2, log.events().size());
      LogRecord second = log.events().get(1);
      assertTrue(second.getMessage().matches(
          "later failed \\(\\d+ similar warnings suppressed\\)"), second.getMessage());
      assertNotNull(second.getThrown(), "the throwable is still the exception");
      assertEquals("boom", second.getThrown().getMessage());
    }
  }
}
