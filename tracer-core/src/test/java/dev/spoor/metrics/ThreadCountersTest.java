package dev.spoor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThreadCountersTest {
  @Test
  void doesNotPileUpRowsOfEndedThreadsWhenNobodyReadsTheCounters() throws InterruptedException {
    ThreadCounters counters = new ThreadCounters(2);
    for (int i = 0; i < 1_000; i++) {
      Thread thread = new Thread(() -> counters.add(1, 1));
      thread.start();
      thread.join();
    }
    // Without reads, ended threads' rows are folded every 64 registrations.
    assertTrue(counters.rowCount() <= 64, "rows kept: " + counters.rowCount());
    assertEquals(1_000, counters.sum(1));
    assertEquals(0, counters.sum(0));
    assertEquals(0, counters.rowCount());
  }
}
