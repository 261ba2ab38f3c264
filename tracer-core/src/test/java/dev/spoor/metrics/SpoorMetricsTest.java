package dev.spoor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpoorMetricsTest {

  @Test
  void keepsCountsOfThreadsThatHaveEnded() throws InterruptedException {
    SpoorMetrics metrics = new SpoorMetrics();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          metrics.increment(Metric.SPANS_NOT_SAMPLED);
          metrics.increment(Metric.SPANS_SAMPLED);
        }
        metrics.add(Metric.SPANS_REPORTED, 5);
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    metrics.increment(Metric.SPANS_NOT_SAMPLED);

    assertEquals(40_001, metrics.get(Metric.SPANS_NOT_SAMPLED));
    assertEquals(40_000, metrics.get(Metric.SPANS_SAMPLED));
    assertEquals(20, metrics.get(Metric.SPANS_REPORTED));
    // Reading again after the ended threads' rows were folded counts them once, not twice.
    assertEquals(40_001, metrics.get(Metric.SPANS_NOT_SAMPLED));
    assertEquals(80_001, metrics.get(Metric.SPANS_STARTED));
    assertEquals(20, metrics.get(Metric.SPANS_FINISHED_SAMPLED));
  }

  @Test
  void countsWhileOtherThreadsAreStillCounting() throws InterruptedException {
    SpoorMetrics metrics = new SpoorMetrics();
    Thread writer = new Thread(() -> {
      for (int i = 0; i < 100_000; i++) {
        metrics.increment(Metric.SPANS_SAMPLED);
      }
    });
    writer.start();
    long previous = 0;
    while (writer.isAlive()) {
      long now = metrics.get(Metric.SPANS_SAMPLED);
      assertEquals(true, now >= previous, "counts never go back: " + previous + " then " + now);
      previous = now;
    }
    writer.join();
    assertEquals(100_000, metrics.get(Metric.SPANS_SAMPLED));
  }
}
