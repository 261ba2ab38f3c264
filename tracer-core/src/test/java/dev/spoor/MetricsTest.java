package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.sampler.ProbabilisticSampler;
import io.opentracing.Span;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void countsIncrementsAndAdditions() {
    SpoorMetrics metrics = new SpoorMetrics();
    metrics.increment(Metric.TAGS_DROPPED);
    metrics.add(Metric.TAGS_DROPPED, 4);
    assertEquals(5, metrics.get(Metric.TAGS_DROPPED));
    assertEquals(0, metrics.get(Metric.LOGS_DROPPED));
  }

  @Test
  void aSnapshotNamesEveryCounterAndGauge() {
    SpoorMetrics metrics = new SpoorMetrics();
    AtomicLong queue = new AtomicLong(7);
    metrics.registerGauge(SpoorMetrics.QUEUE_LENGTH, queue::get);
    metrics.increment(Metric.SPANS_STARTED);
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
      assertEquals(2 * roots, metrics.get(Metric.SPANS_STARTED));
      assertEquals(2 * roots, metrics.get(Metric.SPANS_FINISHED));
      assertEquals(2 * roots, sampled + notSampled);
      assertEquals(sampled, metrics.get(Metric.SPANS_REPORTED));
      assertEquals(sampled, reporter.size());
      assertEquals(0, sampled % 2, "a trace is sampled as a whole");
    }
  }

  @Test
  void metricNamesAreDottedAndUnique() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Metric metric : Metric.values()) {
      assertEquals(true, metric.metricName().startsWith("spoor."), metric.metricName());
      assertEquals(true, names.add(metric.metricName()), metric.metricName());
    }
  }
}
