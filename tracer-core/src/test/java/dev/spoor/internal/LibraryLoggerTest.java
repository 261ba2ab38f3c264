package dev.spoor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.LogCapture;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LibraryLoggerTest {
  private static final LibraryLogger LOG = LibraryLogger.of(LibraryLoggerTest.class);

  @Test
  void isTheJulLoggerNamedAfterTheClass() {
    assertEquals("dev.spoor.internal.LibraryLoggerTest", LOG.name());
    try (LogCapture log = new LogCapture(LOG)) {
      LOG.warn("seen by {}", "java.util.logging");
      LogRecord record = log.events().get(0);
      assertEquals(Level.WARNING, record.getLevel());
      assertEquals("dev.spoor.internal.LibraryLoggerTest", record.getLoggerName());
      assertEquals("seen by java.util.logging", record.getMessage());
      assertNull(record.getParameters(), "formatted by Spoor: no JUL {0} parameters to re-format");
      assertEquals("dev.spoor.internal.LibraryLoggerTest", record.getSourceClassName());
    }
  }

  @Test
  void mapsEachLevelToItsJulLevel() {
    Logger jul = Logger.getLogger(LOG.name());
    try (LogCapture log = new LogCapture(LOG)) {
      jul.setLevel(Level.ALL);
      LOG.debug("d {} {}", 1, 2);
      LOG.info("i {}", 1);
      LOG.warn("w");
      LOG.error("e {}", 1);
      // LogCapture keeps INFO and above: debug (FINE) is below it.
      List<LogRecord> records = log.events();
      assertEquals(List.of(Level.INFO, Level.WARNING, Level.SEVERE),
          List.of(records.get(0).getLevel(), records.get(1).getLevel(), records.get(2).getLevel()));
      assertEquals(List.of("i 1", "w", "e 1"), log.messages());
    }
  }

  @Test
  void aDisabledLevelNeverRendersItsArguments() {
    AtomicInteger rendered = new AtomicInteger();
    Object argument = new Object() {
      @Override
      public String toString() {
        rendered.incrementAndGet();
        return "argument";
      }
    };
    Logger jul = Logger.getLogger(LOG.name());
    Level previous = jul.getLevel();
    jul.setLevel(Level.SEVERE);
    try {
      LOG.debug("{} {}", argument, argument);
      LOG.info("{}", argument);
      LOG.warn("{} {}", argument, argument);
      LOG.warn("{} {} {}", argument, argument, argument);
      assertEquals(0, rendered.get());
      assertFalse(LOG.isWarnEnabled());
    } finally {
      jul.setLevel(previous);
    }
  }

  @Test
  void aTrailingThrowableIsTheRecordsExceptionAndFillsNoPlaceholder() {
    IllegalStateException failure = new IllegalStateException("boom");
    try (LogCapture log = new LogCapture(LOG)) {
      LOG.warn("closing {} failed", "reporter", failure);
      LOG.warn("failed {}", failure);
      assertSame(failure, log.events().get(0).getThrown());
      assertEquals("closing reporter failed", log.messages().get(0));
      assertSame(failure, log.events().get(1).getThrown());
      assertEquals("failed {}", log.messages().get(1));
    }
  }

  @Test
  void formatsPlaceholdersInOrderAndLeavesTheRestAlone() {
    assertEquals("a 1 b 2 c", LibraryLogger.format("a {} b {} c", new Object[] {1, 2}, 2));
    assertEquals("a 1 b {}", LibraryLogger.format("a {} b {}", new Object[] {1}, 1));
    assertEquals("a 1", LibraryLogger.format("a {}", new Object[] {1, 2}, 2));
    assertEquals("null and null", LibraryLogger.format("{} and {}", new Object[] {null, null}, 2));
    assertEquals("{}", LibraryLogger.format("{}", new Object[0], 0));
  }

  @Test
  void aToStringThatThrowsIsDescribedNotThrown() {
    Object hostile = new Object() {
      @Override
      public String toString() {
        throw new IllegalArgumentException("no");
      }
    };
    String line = LibraryLogger.format("x {}", new Object[] {hostile}, 1);
    assertTrue(line.startsWith("x ["), line);
    assertTrue(line.contains("toString() threw java.lang.IllegalArgumentException: no"), line);
  }
}
