package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.reporter.Reporter;
import dev.spoor.sampler.ConstSampler;
import dev.spoor.sampler.Sampler;
import dev.spoor.sampler.SamplingDecision;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TracerCloseTest {
  /** Counts what it receives and how often it is closed. */
  private static final class CountingReporter implements Reporter {
    final List<FinishedSpan> spans = new ArrayList<>();
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public synchronized void report(FinishedSpan span) {
      spans.add(span);
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  private final CountingReporter reporter = new CountingReporter();
  private final AtomicInteger samplerCloses = new AtomicInteger();
  private final Sampler sampler = new Sampler() {
    private final Sampler delegate = new ConstSampler(true);

    @Override
    public SamplingDecision sample(String operationName, long traceIdHigh, long traceIdLow) {
      return delegate.sample(operationName, traceIdHigh, traceIdLow);
    }

    @Override
    public void close() {
      samplerCloses.incrementAndGet();
    }
  };

  @Test
  void closingClosesTheReporterAndSamplerOnceHoweverOftenItIsCalled() {
    SpoorTracer tracer = SpoorTracer.builder("svc").reporter(reporter).sampler(sampler).build();
    assertFalse(tracer.isClosed());
    tracer.close();
    tracer.close();
    tracer.close();
    assertTrue(tracer.isClosed());
    assertTrue(tracer.isNoop());
    assertEquals(1, reporter.closes.get());
    assertEquals(1, samplerCloses.get());
  }

  @Test
  void aClosedTracerIsANoOpNotACrash() {
    SpoorTracer tracer = SpoorTracer.builder("svc").reporter(reporter).build();
    tracer.close();
    Span span = tracer.buildSpan("after-close").withTag("k", "v").start();
    try (Scope ignored = tracer.activateSpan(span)) {
      span.setTag("x", 1).log("event").setBaggageItem("b", "v");
      Span child = tracer.buildSpan("child").start();
      child.finish();
    }
    span.finish();
    assertFalse(((SpoorSpanContext) span.context()).isSampled());
    assertTrue(reporter.spans.isEmpty());

    Map<String, String> headers = new HashMap<>();
    tracer.inject(span.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
    assertNotNull(tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers)),
        "ids still propagate so that downstream services keep one trace");
  }

  @Test
  void aReporterThatFailsToCloseDoesNotFailTheTracer() {
    Reporter failing = new Reporter() {
      @Override
      public void report(FinishedSpan span) {
        throw new IllegalStateException("reporter bug");
      }

      @Override
      public void close() {
        throw new IllegalStateException("reporter bug");
      }
    };
    SpoorTracer tracer = SpoorTracer.builder("svc").reporter(failing).build();
    tracer.buildSpan("op").start().finish();
    tracer.close();
    assertTrue(tracer.isClosed());
  }
}
