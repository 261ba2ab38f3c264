package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import dev.spoor.sampler.ConstSampler;
import io.opentracing.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryReporterTest {
  private final InMemoryReporter reporter = new InMemoryReporter();

  @Test
  void keepsFinishedSpansInFinishOrder() {
    try (SpoorTracer tracer = SpoorTracer.builder("svc").reporter(reporter).build()) {
      Span first = tracer.buildSpan("first").start();
      Span second = tracer.buildSpan("second").start();
      second.finish();
      first.finish();
      List<FinishedSpan> spans = reporter.spans();
      assertEquals(2, spans.size());
      assertEquals("second", spans.get(0).operationName());
      assertEquals("first", spans.get(1).operationName());
      assertEquals("svc", spans.get(0).process().serviceName());
    }
  }

  @Test
  void returnsACopyAndCanBeCleared() {
    try (SpoorTracer tracer = SpoorTracer.builder("svc").reporter(reporter).build()) {
      tracer.buildSpan("op").start().finish();
      List<FinishedSpan> copy = reporter.spans();
      reporter.clear();
      assertEquals(1, copy.size());
      assertEquals(0, reporter.size());
      assertTrue(reporter.spans().isEmpty());
      tracer.buildSpan("again").start().finish();
      assertEquals("again", reporter.spans().get(0).operationName());
    }
  }

  @Test
  void neverReceivesUnsampledSpans() {
    try (SpoorTracer tracer = SpoorTracer.builder("svc").reporter(reporter)
        .sampler(new ConstSampler(false)).build()) {
      tracer.buildSpan("op").start().finish();
      assertEquals(0, reporter.size());
    }
  }
}
