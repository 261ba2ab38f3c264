package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.internal.MetricsWriter;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.AgentReceiver;
import dev.spoor.reporter.CompositeReporter;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.reporter.LoggingReporter;
import dev.spoor.reporter.RemoteReporter;
import dev.spoor.reporter.Reporter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code tracer.metrics()} for every reporter shape: the reporter's counters are visible, a set
 * shared by tracer and reporter is counted once, and every span ends in exactly one counter.
 */
class ReporterMetricsTest {
  private static final int SPANS = 25;

  private static RemoteReporter.Builder remote(AgentReceiver agent) {
    return RemoteReporter.builder().agentHost("127.0.0.1").agentPort(agent.port())
        .flushInterval(1, TimeUnit.HOURS).maxQueueSize(1000);
  }

  private static void finish(SpoorTracer tracer) {
    for (int i = 0; i < SPANS; i++) {
      tracer.buildSpan("op").start().finish();
    }
    tracer.close();
  }

  private static long accounted(SpoorMetrics metrics) {
    return metrics.get(Metric.SPANS_SENT) + metrics.get(Metric.SPANS_DROPPED_QUEUE_FULL)
        + metrics.get(Metric.SPANS_DROPPED_AFTER_CLOSE) + metrics.get(Metric.SPANS_DROPPED_TOO_LARGE)
        + metrics.get(Metric.SPANS_DROPPED_SEND_FAILED) + metrics.get(Metric.SPANS_DROPPED_REJECTED);
  }

  @Test
  void aRemoteReporterAloneSharesItsSetWithTheTracer() throws Exception {
    try (AgentReceiver agent = new AgentReceiver()) {
      RemoteReporter reporter = remote(agent).build();
      SpoorTracer tracer = SpoorTracer.builder("alone").reporter(reporter).build();
      finish(tracer);

      assertSame(reporter.metrics(), tracer.metrics());
      assertEquals(SPANS, tracer.metrics().get(Metric.SPANS_REPORTED));
      assertEquals(SPANS, tracer.metrics().get(Metric.SPANS_SENT));
    }
  }

  @Test
  void aCompositeOfARemoteAndAnInMemoryReporterShowsTheSpansSent() throws Exception {
    try (AgentReceiver agent = new AgentReceiver()) {
      RemoteReporter remote = remote(agent).build();
      InMemoryReporter memory = new InMemoryReporter();
      SpoorTracer tracer = SpoorTracer.builder("composite")
          .reporter(new CompositeReporter(remote, memory)).build();
      finish(tracer);

      SpoorMetrics metrics = tracer.metrics();
      assertEquals(SPANS, metrics.get(Metric.SPANS_REPORTED));
      assertEquals(SPANS, metrics.get(Metric.SPANS_SENT));
      assertEquals(1, metrics.get(Metric.DATAGRAMS_SENT));
      assertEquals(metrics.get(Metric.SPANS_REPORTED), accounted(metrics));
      assertEquals(0, metrics.gauge(SpoorMetrics.QUEUE_LENGTH), "the queue gauge is visible");
      assertEquals(SPANS, agent.awaitSpans(SPANS).size());
      assertEquals(SPANS, memory.size());
    }
  }

  @Test
  void oneSetGivenToBothTracerAndReporterIsNotCountedTwice() throws Exception {
    try (AgentReceiver agent = new AgentReceiver()) {
      SpoorMetrics shared = new SpoorMetrics();
      RemoteReporter remote = remote(agent).metrics(shared).build();
      SpoorTracer tracer = SpoorTracer.builder("shared").metrics(shared)
          .reporter(new CompositeReporter(remote, new LoggingReporter())).build();
      finish(tracer);

      assertSame(shared, tracer.metrics());
      assertEquals(SPANS, shared.get(Metric.SPANS_SENT));
      assertEquals(SPANS, shared.get(Metric.SPANS_REPORTED));
      assertEquals(SPANS, shared.snapshot().get(Metric.SPANS_SENT.metricName()));
    }
  }

  @Test
  void theTracersOwnSetIncludesAReporterWithItsOwnSet() throws Exception {
    try (AgentReceiver agent = new AgentReceiver()) {
      SpoorMetrics tracerMetrics = new SpoorMetrics();
      RemoteReporter remote = remote(agent).build();
      SpoorTracer tracer = SpoorTracer.builder("own").metrics(tracerMetrics).reporter(remote)
          .build();
      finish(tracer);

      assertSame(tracerMetrics, tracer.metrics());
      assertNotSame(remote.metrics(), tracer.metrics());
      assertEquals(SPANS, tracerMetrics.get(Metric.SPANS_SENT));
      assertEquals(0, remote.metrics().get(Metric.SPANS_REPORTED), "the tracer counts that");
      assertEquals(SPANS, tracerMetrics.get(Metric.SPANS_REPORTED));
      assertEquals(tracerMetrics.get(Metric.SPANS_REPORTED), accounted(tracerMetrics));
    }
  }

  @Test
  void twoRemoteReportersAreBothVisibleEachOnce() throws Exception {
    try (AgentReceiver first = new AgentReceiver(); AgentReceiver second = new AgentReceiver()) {
      RemoteReporter one = remote(first).build();
      RemoteReporter two = remote(second).build();
      CompositeReporter composite = new CompositeReporter(one, two, one);
      SpoorTracer tracer = SpoorTracer.builder("twice").reporter(composite).build();
      finish(tracer);

      assertEquals(2, composite.counters().size());
      assertEquals(SPANS, one.metrics().get(Metric.SPANS_SENT) / 2, "one got every span twice");
      assertEquals(SPANS, two.metrics().get(Metric.SPANS_SENT));
      assertEquals(3 * SPANS, tracer.metrics().get(Metric.SPANS_SENT));
    }
  }

  @Test
  void aReporterThatCountsNothingLeavesTheTracerItsOwnSet() {
    InMemoryReporter memory = new InMemoryReporter();
    assertTrue(memory.counters().isEmpty());
    assertTrue(Reporter.NOOP.counters().isEmpty());
    SpoorTracer tracer = SpoorTracer.builder("memory").reporter(memory).build();
    finish(tracer);
    assertEquals(SPANS, tracer.metrics().get(Metric.SPANS_REPORTED));
    assertEquals(0, tracer.metrics().get(Metric.SPANS_SENT));
  }

  @Test
  void includingASetTwiceOrItselfChangesNothing() {
    SpoorMetrics tracerSet = new SpoorMetrics();
    SpoorMetrics reporterSet = new SpoorMetrics();
    MetricsWriter.of(reporterSet).add(Metric.SPANS_SENT, 7);
    MetricsWriter.of(tracerSet).include(reporterSet);
    MetricsWriter.of(tracerSet).include(reporterSet);
    MetricsWriter.of(tracerSet).include(tracerSet);
    assertEquals(7, tracerSet.get(Metric.SPANS_SENT));
    SpoorMetrics outer = new SpoorMetrics();
    MetricsWriter.of(outer).include(tracerSet);
    assertEquals(0, outer.get(Metric.SPANS_SENT), "what an included set includes is not followed");
  }
}
