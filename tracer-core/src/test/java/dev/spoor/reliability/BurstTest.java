package dev.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.AgentReceiver;
import dev.spoor.reporter.RemoteReporter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A burst thousands of times the queue size: dropped and counted, and the reporter goes on. */
class BurstTest {
  private static final Logger LOG = LoggerFactory.getLogger(BurstTest.class);
  private static final int QUEUE = 100;

  @Test
  void aBurstFarAboveTheQueueSizeIsCountedAndLaterSpansStillArrive() throws Exception {
    try (AgentReceiver agent = new AgentReceiver()) {
      SpoorTracer tracer = SpoorTracer.builder("burst").reporter(RemoteReporter.builder()
          .agentHost("127.0.0.1").agentPort(agent.port()).maxQueueSize(QUEUE)
          .flushInterval(50, TimeUnit.MILLISECONDS).build()).build();
      // Each span carries 1 KB, so 400,000 spans held anywhere would need 400 MB.
      String kilobyte = "x".repeat(1024);
      FinishingThreads burst = new FinishingThreads(4, 100_000, (t, i) -> {
        io.opentracing.Span span = tracer.buildSpan("burst").withTag("payload", kilobyte)
            .start();
        long before = System.nanoTime();
        span.finish();
        return System.nanoTime() - before;
      });
      burst.go().join(60_000);
      SpoorMetrics metrics = tracer.metrics();
      assertEquals(List.of(), burst.failures(), "thrown into the application");
      assertTrue(metrics.get(Metric.SPANS_DROPPED_QUEUE_FULL) > 300_000,
          SpanAccounting.summary(metrics));
      assertTrue(metrics.gauge(SpoorMetrics.QUEUE_LENGTH) <= QUEUE);

      AgentReceiver.awaitTrue(() -> {
        tracer.buildSpan("after-burst").start().finish();
        return agent.spans().stream()
            .anyMatch(span -> span.getOperationName().equals("after-burst"));
      }, () -> "no span delivered after the burst: " + SpanAccounting.summary(metrics));
      tracer.close();

      assertEquals(metrics.get(Metric.SPANS_REPORTED), SpanAccounting.accountedFor(metrics),
          SpanAccounting.summary(metrics));
      long[] finishNanos = burst.sortedFinishNanos();
      LOG.info("RELIABILITY burst of 400,000 1-KB spans into a queue of {}: finish() p99.9 {} ns,"
              + " worst {} us; {}", QUEUE, FinishingThreads.percentile(finishNanos, 0.999),
          finishNanos[finishNanos.length - 1] / 1000, SpanAccounting.summary(metrics));
    }
  }

  @Test
  void aBurstOfAGigabyteOfSpansFitsInA48MegabyteHeap() throws Exception {
    // 1,000,000 spans of 1 KB (2 KB as Java chars) each; the queue may hold 10,000 of them.
    ChildJvm child = ChildJvm.run(List.of("-Xmx48m", "-XX:+ExitOnOutOfMemoryError"),
        SmallHeapBurstMain.class, Integer.toString(AgentReceiver.freePort()), "1000000",
        "10000");
    assertEquals(0, child.exitCode, child.output);
    assertTrue(child.output.contains("accounted 1000000 of 1000000"), child.output);
  }
}
