package dev.spoor.reporter;

import static dev.spoor.reporter.AgentReceiver.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spoor.FinishedSpan;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When the reporter's thread wakes: a producer wakes it once the queue holds a quarter of its
 * capacity, and never less than one span, so a queue too small to have a quarter still wakes it;
 * between wake-ups the thread sleeps rather than spins. The flush interval is an hour here, so
 * only a wake-up can drain the queue within the test's deadline.
 */
class ReporterWakeUpTest {
  private static Set<Thread> reporterThreads() {
    Set<Thread> threads = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("spoor-reporter")) {
        threads.add(thread);
      }
    }
    return threads;
  }

  private static void awaitAsleep(Thread worker) {
    awaitTrue(() -> worker.getState() == Thread.State.TIMED_WAITING,
        () -> "the reporter's thread does not sleep: " + worker.getState());
  }

  @Test
  void aQueueOfThreeIsDrainedByAWakeUpAtItsFirstSpanAndTheThreadSleepsAgain() {
    Set<Thread> before = reporterThreads();
    SpoorMetrics metrics = new SpoorMetrics();
    RemoteReporter reporter = RemoteReporter.builder()
        .sender(new SpanBatcherTest.ScriptedSender(65000))
        .maxQueueSize(3) // 3 / 4 == 0: the threshold must still be one span
        .flushInterval(1, TimeUnit.HOURS)
        .metrics(metrics)
        .build();
    try {
      Set<Thread> started = reporterThreads();
      started.removeAll(before);
      assertEquals(1, started.size(), started.toString());
      Thread worker = started.iterator().next();
      List<FinishedSpan> spans = TestSpans.finished("wake", "op", 5);
      for (FinishedSpan span : spans) {
        awaitAsleep(worker);
        reporter.report(span);
        awaitTrue(() -> metrics.gauge(SpoorMetrics.QUEUE_LENGTH) == 0,
            () -> "the queue was not drained: " + metrics.gauge(SpoorMetrics.QUEUE_LENGTH));
      }
      awaitAsleep(worker);
      assertEquals(0, metrics.get(Metric.SPANS_DROPPED_QUEUE_FULL));
      assertEquals(0, metrics.get(Metric.SPANS_SENT), "nothing is sent before the flush");
    } finally {
      reporter.close();
    }
    assertEquals(5, metrics.get(Metric.SPANS_SENT), "close sends what the thread took");
  }

  @Test
  void aQueueOfAHundredWakesTheThreadAtTwentyFiveSpansNotBefore() {
    Set<Thread> before = reporterThreads();
    SpoorMetrics metrics = new SpoorMetrics();
    RemoteReporter reporter = RemoteReporter.builder()
        .sender(new SpanBatcherTest.ScriptedSender(65000))
        .maxQueueSize(100)
        .flushInterval(1, TimeUnit.HOURS)
        .metrics(metrics)
        .build();
    try {
      Set<Thread> started = reporterThreads();
      started.removeAll(before);
      Thread worker = started.iterator().next();
      List<FinishedSpan> spans = TestSpans.finished("wake", "op", 25);
      awaitAsleep(worker);
      for (int i = 0; i < 24; i++) {
        reporter.report(spans.get(i));
      }
      assertEquals(24, metrics.gauge(SpoorMetrics.QUEUE_LENGTH), "no wake-up below a quarter");
      reporter.report(spans.get(24));
      awaitTrue(() -> metrics.gauge(SpoorMetrics.QUEUE_LENGTH) == 0,
          () -> "not drained at a quarter: " + metrics.gauge(SpoorMetrics.QUEUE_LENGTH));
    } finally {
      reporter.close();
    }
  }
}
