package dev.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.AgentReceiver;
import dev.spoor.reporter.RemoteReporter;
import io.jaegertracing.thriftjava.Span;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shutting down while the application still works: a close from another thread in the middle of
 * the load, and a JVM that exits without closing its tracer.
 */
class ShutdownTest {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownTest.class);

  @Test
  void closingFromAnotherThreadWhileEightThreadsFinishSpansLosesNoCount() throws Exception {
    try (AgentReceiver agent = new AgentReceiver()) {
      SpoorTracer tracer = SpoorTracer.builder("closing").reporter(RemoteReporter.builder()
          .agentHost("127.0.0.1").agentPort(agent.port()).maxQueueSize(2000)
          .flushInterval(5, TimeUnit.MILLISECONDS).build()).build();
      FinishingThreads threads = new FinishingThreads(8, 50_000, (t, i) -> {
        io.opentracing.Span span = tracer.buildSpan("work").start();
        long before = System.nanoTime();
        span.finish();
        return System.nanoTime() - before;
      });
      AtomicReference<Throwable> closeFailure = new AtomicReference<>();
      Thread closer = new Thread(() -> {
        try {
          AgentReceiver.awaitTrue(() -> tracer.metrics().get(Metric.SPANS_FINISHED_SAMPLED) > 100_000,
              () -> "the load did not start");
          tracer.close();
        } catch (Throwable e) {
          closeFailure.set(e);
        }
      }, "closer");
      closer.start();
      threads.go();
      threads.join(60_000);
      closer.join(AgentReceiver.DEADLINE_MILLIS);
      tracer.close(); // idempotent

      assertEquals(null, closeFailure.get());
      assertEquals(List.of(), threads.failures(), "thrown into the application");
      SpoorMetrics metrics = tracer.metrics();
      assertEquals(metrics.get(Metric.SPANS_REPORTED), SpanAccounting.accountedFor(metrics),
          SpanAccounting.summary(metrics));
      assertTrue(metrics.get(Metric.SPANS_DROPPED_AFTER_CLOSE) > 0,
          "some spans finished after the close: " + SpanAccounting.summary(metrics));
      assertTrue(agent.spans().size() <= metrics.get(Metric.SPANS_SENT));
      long[] finishNanos = threads.sortedFinishNanos();
      LOG.info("RELIABILITY close under load: finish() p99.9 {} ns, worst {} us; {}",
          FinishingThreads.percentile(finishNanos, 0.999),
          finishNanos[finishNanos.length - 1] / 1000, SpanAccounting.summary(metrics));
    }
  }

  @Test
  void theShutdownHookSendsSpansOfAJvmThatExitsWithoutClosing() throws Exception {
    assertEquals(300, spansFromChildJvm("hook-only", 300));
  }

  @Test
  void aBuilderMadeTracerClosesOnShutdownUnlessToldNotTo() throws Exception {
    assertEquals(300, spansFromChildJvm("builder-default", 300));
  }

  @Test
  void anExplicitCloseRemovesTheHookAndSendsEachSpanOnce() throws Exception {
    assertEquals(300, spansFromChildJvm("close-too", 300));
  }

  /** Runs {@link ExitWithoutCloseMain} in a child JVM; returns the distinct spans received. */
  private static int spansFromChildJvm(String mode, int count) throws Exception {
    try (AgentReceiver agent = new AgentReceiver()) {
      ChildJvm child = ChildJvm.run(List.of(), ExitWithoutCloseMain.class,
          Integer.toString(agent.port()), Integer.toString(count), mode);
      assertEquals(0, child.exitCode, child.output);
      List<Span> spans = agent.awaitSpans(count);
      Set<Long> ids = new HashSet<>();
      for (Span span : spans) {
        ids.add(span.getSpanId());
      }
      assertEquals(spans.size(), ids.size(), "a span arrived twice");
      return ids.size();
    }
  }
}
