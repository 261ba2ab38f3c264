package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;


import dev.spoor.internal.MetricsWriter;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.reporter.Reporter;
import dev.spoor.sampler.ProbabilisticSampler;
import io.opentracing.Span;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void countsIncrementsAndAdditions() {
    SpoorMetrics metrics = new SpoorMetrics();
    MetricsWriter.of(metrics).increment(Metric.TAGS_DROPPED);
    MetricsWriter.of(metrics).add(Metric.TAGS_DROPPED, 4);
    assertEquals(5, metrics.get(Metric.TAGS_DROPPED));
    assertEquals(0, metrics.get(Metric.LOGS_DROPPED));
  }

  @Test
  void aSnapshotNamesEveryCounterAndGauge() {
    SpoorMetrics metrics = new SpoorMetrics();
    AtomicLong queue = new AtomicLong(7);
    MetricsWriter.of(metrics).registerGauge(SpoorMetrics.QUEUE_LENGTH, queue::get);
    MetricsWriter.of(metrics).increment(Metric.SPANS_STARTED);
    Map<String, Long> snapshot = metrics.snapshot();
    assertEquals(Metric.values().length + 1, snapshot.size());
    assertEquals(1L, snapshot.get("spoor.spans.started"));
    assertEquals(7L, snapshot.get("spoor.reporter.queue_length"));
    queue.set(9);
    assertEquals(9, metrics.gauge(SpoorMetrics.QUEUE_LENGTH));
    assertEquals(-1, metrics.gauge("no.such.gauge"));
  }

  @Test
  void theTracerCountsEverySpanAsSampledAndReportedOrNotSampled() {
    SpoorMetrics metrics = new SpoorMetrics();
    InMemoryReporter reporter = new InMemoryReporter();
    try (SpoorTracer tracer = SpoorTracer.builder("svc").metrics(metrics)
        .sampler(new ProbabilisticSampler(0.5)).reporter(reporter).build()) {
      assertSame(metrics, tracer.metrics());
      int roots = 1_000;
      for (int i = 0; i < roots; i++) {
        Span root = tracer.buildSpan("root").start();
        tracer.buildSpan("child").asChildOf(root).start().finish();
        root.finish();
      }
      long sampled = metrics.get(Metric.SPANS_SAMPLED);
      long notSampled = metrics.get(Metric.SPANS_NOT_SAMPLED);
      assertEquals(roots, metrics.get(Metric.TRACES_STARTED));
      assertEquals(sampled / 2, metrics.get(Metric.TRACES_STARTED_SAMPLED));
      assertEquals(notSampled / 2, metrics.get(Metric.TRACES_STARTED_NOT_SAMPLED));
      assertEquals(2 * roots, metrics.get(Metric.SPANS_STARTED));
      assertEquals(sampled, metrics.get(Metric.SPANS_FINISHED_SAMPLED), "only sampled spans count");
      assertEquals(2 * roots, sampled + notSampled);
      assertEquals(sampled, metrics.get(Metric.SPANS_REPORTED));
      assertEquals(sampled, reporter.size());
      assertEquals(0, sampled % 2, "a trace is sampled as a whole");
    }
  }

  @Test
  void startedAndFinishedSpansAreDerivedFromTheCountersTheTracerIncrements() {
    SpoorMetrics metrics = new SpoorMetrics();
    MetricsWriter.of(metrics).add(Metric.SPANS_SAMPLED, 3);
    MetricsWriter.of(metrics).add(Metric.SPANS_NOT_SAMPLED, 2);
    MetricsWriter.of(metrics).increment(Metric.SPANS_STARTED);
    MetricsWriter.of(metrics).add(Metric.SPANS_REPORTED, 3);
    MetricsWriter.of(metrics).increment(Metric.SPANS_FINISHED_SAMPLED);
    assertEquals(6, metrics.get(Metric.SPANS_STARTED));
    assertEquals(4, metrics.get(Metric.SPANS_FINISHED_SAMPLED));
    assertEquals(6L, metrics.snapshot().get("spoor.spans.started"));
    assertEquals(4L, metrics.snapshot().get("spoor.spans.finished_sampled"));
  }

  @Test
  void aSampledSpanCountsAsStartedAtOnceAndAsFinishedOnlyOnce() {
    InMemoryReporter reporter = new InMemoryReporter();
    try (SpoorTracer tracer = SpoorTracer.builder("svc").reporter(reporter).build()) {
      SpoorMetrics metrics = tracer.metrics();
      Span span = tracer.buildSpan("op").start();
      assertEquals(1, metrics.get(Metric.SPANS_STARTED));
      assertEquals(0, metrics.get(Metric.SPANS_FINISHED_SAMPLED));
      span.finish();
      span.finish();
      assertEquals(1, metrics.get(Metric.SPANS_STARTED));
      assertEquals(1, metrics.get(Metric.SPANS_FINISHED_SAMPLED));
      assertEquals(1, metrics.get(Metric.CALLS_AFTER_FINISH));
      assertEquals(1, metrics.get(Metric.SPANS_REPORTED));
    }
  }

  @Test
  void anUnsampledSpanCountsAsStartedOnlyAndItsFinishCountsNothing() {
    InMemoryReporter reporter = new InMemoryReporter();
    try (SpoorTracer tracer = SpoorTracer.builder("svc")
        .sampler(new ProbabilisticSampler(0.0)).reporter(reporter).build()) {
      SpoorMetrics metrics = tracer.metrics();
      Span span = tracer.buildSpan("op").start();
      span.finish();
      span.finish();
      assertEquals(1, metrics.get(Metric.SPANS_STARTED));
      assertEquals(1, metrics.get(Metric.SPANS_NOT_SAMPLED));
      assertEquals(0, metrics.get(Metric.SPANS_FINISHED_SAMPLED));
      assertEquals(0, metrics.get(Metric.CALLS_AFTER_FINISH));
      assertEquals(0, metrics.get(Metric.SPANS_REPORTED));
      assertEquals(0, reporter.size());
    }
  }

  @Test
  void aSpanTheReporterThrowsOnIsCountedAsDroppedNotReportedAndWarned() {
    Reporter failing = new Reporter() {
      @Override
      public void report(FinishedSpan span) {
        throw new IllegalStateException("reporter broken");
      }

      @Override
      public void close() {}
    };
    try (LogCapture log = new LogCapture(SpoorTracer.class.getName());
        SpoorTracer tracer = SpoorTracer.builder("svc").reporter(failing).build()) {
      tracer.buildSpan("first").start().finish();
      tracer.buildSpan("second").start().finish();
      SpoorMetrics metrics = tracer.metrics();
      assertEquals(0, metrics.get(Metric.SPANS_REPORTED));
      assertEquals(2, metrics.get(Metric.SPANS_DROPPED_REPORTER_FAILED));
      assertEquals(2, metrics.get(Metric.SPANS_FINISHED_SAMPLED));
      assertEquals(2, metrics.get(Metric.SPANS_STARTED));
      assertEquals(1, log.events().size(), "rate-limited: " + log.messages());
      assertEquals(Level.WARNING, log.events().get(0).getLevel());
      assertTrue(log.messages().get(0).contains("span dropped"), log.messages().get(0));
      assertEquals("reporter broken", log.events().get(0).getThrown().getMessage());
    }
  }

  @Test
  void metricNamesAreDottedAndUnique() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Metric metric : Metric.values()) {
      assertTrue(metric.metricName().startsWith("spoor."), metric.metricName());
      assertTrue(names.add(metric.metricName()), metric.metricName());
    }
  }
}
