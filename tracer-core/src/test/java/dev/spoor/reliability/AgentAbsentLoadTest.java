package dev.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.AgentReceiver;
import dev.spoor.reporter.RemoteReporter;
import io.opentracing.Span;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No agent listens for the whole run: 8 application threads finish 1,000,000 spans through a
 * {@link RemoteReporter} aimed at a closed loopback port. Tracing must cost them nothing but time
 * on the CPU: no exception, no blocking, bounded memory, and every span accounted for.
 */
class AgentAbsentLoadTest {
  private static final Logger LOG = LoggerFactory.getLogger(AgentAbsentLoadTest.class);
  private static final int THREADS = 8;
  private static final int SPANS_PER_THREAD = 125_000;
  private static final int MAX_QUEUE_SIZE = 1000;

  @Test
  void eightThreadsFinishAMillionSpansWithoutBlockingWhileNoAgentListens() throws Exception {
    RemoteReporter reporter = RemoteReporter.builder().agentHost("127.0.0.1")
        .agentPort(AgentReceiver.freePort()).maxQueueSize(MAX_QUEUE_SIZE)
        .flushInterval(10, TimeUnit.MILLISECONDS).build();
    SpoorTracer tracer = SpoorTracer.builder("absent-agent").reporter(reporter).build();
    SpoorMetrics metrics = tracer.metrics();
    FinishingThreads threads = new FinishingThreads(THREADS, SPANS_PER_THREAD, (t, i) -> {
      Span span = tracer.buildSpan("request").withTag("thread", t).start();
      long before = System.nanoTime();
      span.finish();
      return System.nanoTime() - before;
    });
    long heapBefore = usedHeapAfterGc();
    long started = System.nanoTime();
    long longestQueue = 0;
    threads.go();
    try {
      while (threads.running()) {
        longestQueue = Math.max(longestQueue, metrics.gauge(SpoorMetrics.QUEUE_LENGTH));
        // A sampling pause for the gauge, not a wait for a result.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(120),
            "a million spans took over two minutes");
      }
      threads.join(AgentReceiver.DEADLINE_MILLIS);
    } finally {
      tracer.close();
    }
    long elapsedNanos = System.nanoTime() - started;
    long heapGrowth = usedHeapAfterGc() - heapBefore;

    assertEquals(0, threads.failures().size(), () -> "thrown into the application: "
        + threads.failures());
    long[] finishNanos = threads.sortedFinishNanos();
    long p999 = FinishingThreads.percentile(finishNanos, 0.999);
    long worst = finishNanos[finishNanos.length - 1];
    long total = (long) THREADS * SPANS_PER_THREAD;
    LOG.info("RELIABILITY agent absent: {} spans by {} threads in {} ms ({} spans/s); finish() "
            + "p50 {} ns, p99 {} ns, p99.9 {} ns, worst {} us; longest queue {}/{}; heap growth "
            + "after GC {} KiB; {}",
        total, THREADS, TimeUnit.NANOSECONDS.toMillis(elapsedNanos),
        total * 1_000_000_000L / elapsedNanos, FinishingThreads.percentile(finishNanos, 0.5),
        FinishingThreads.percentile(finishNanos, 0.99), p999, worst / 1000, longestQueue,
        MAX_QUEUE_SIZE, heapGrowth / 1024, SpanAccounting.summary(metrics));

    // Generous safety bounds only: a loaded 2-core box deschedules threads for milliseconds.
    assertTrue(p999 < TimeUnit.MILLISECONDS.toNanos(50), "finish() p99.9 " + p999 + " ns");
    assertTrue(worst < TimeUnit.SECONDS.toNanos(1), "finish() worst " + worst + " ns");
    assertTrue(longestQueue <= MAX_QUEUE_SIZE, "queue grew to " + longestQueue);
    assertTrue(heapGrowth < 64L << 20, "heap grew by " + heapGrowth + " bytes");
    assertEquals(total, metrics.get(Metric.SPANS_REPORTED));
    assertEquals(total, SpanAccounting.accountedFor(metrics), SpanAccounting.summary(metrics));
    assertTrue(metrics.get(Metric.SEND_FAILURES) > 0, "the absent agent was noticed");
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
