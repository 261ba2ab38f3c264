package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.metrics.Metric;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.sampler.ConstSampler;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** 8 threads × 10,000 nested spans: each reported once, with the right parent, nothing leaking. */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int SPANS_PER_THREAD = 10_000;
  private static final int DEPTH = 10; // a root and nine nested children

  /** What a thread expects of one span it started. */
  private static final class Expected {
    final long parentId;
    final long traceIdLow;
    final String thread;

    Expected(long parentId, long traceIdLow, String thread) {
      this.parentId = parentId;
      this.traceIdLow = traceIdLow;
      this.thread = thread;
    }
  }

  @Test
  void everySpanIsReportedOnceWithTheRightParentAndNoContextLeaksBetweenThreads()
      throws Exception {
    InMemoryReporter reporter = new InMemoryReporter();
    SpoorTracer tracer = SpoorTracer.builder("concurrency").reporter(reporter).build();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    try {
      List<Future<Map<Long, Expected>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String thread = "t" + t;
        results.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return traceNested(tracer, thread);
        }));
      }
      Map<Long, Expected> expected = new HashMap<>();
      for (Future<Map<Long, Expected>> result : results) {
        expected.putAll(result.get(60, TimeUnit.SECONDS));
      }
      assertEquals(THREADS * SPANS_PER_THREAD, expected.size(), "span ids are unique");

      List<FinishedSpan> reported = reporter.spans();
      assertEquals(THREADS * SPANS_PER_THREAD, reported.size());
      Map<Long, FinishedSpan> byId = new HashMap<>();
      for (FinishedSpan span : reported) {
        FinishedSpan duplicate = byId.put(span.context().spanId(), span);
        assertEquals(null, duplicate, "reported once: " + span);
        Expected want = expected.get(span.context().spanId());
        assertNotNull(want, "a span some thread started: " + span);
        assertEquals(want.parentId, span.context().parentId(), span.toString());
        assertEquals(want.traceIdLow, span.context().traceIdLow(), span.toString());
        assertTrue(span.operationName().startsWith(want.thread + "-"), span.toString());
      }
      assertEquals(THREADS * SPANS_PER_THREAD, tracer.metrics().get(Metric.SPANS_REPORTED));
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
      tracer.close();
    }
  }

  @Test
  void twoThreadsFinishingTheSameUnsampledSpansCountNothingAndFinishThem() throws Exception {
    int spans = 20_000;
    SpoorTracer tracer = SpoorTracer.builder("concurrency")
        .sampler(new ConstSampler(false)).build();
    Span[] started = new Span[spans];
    for (int i = 0; i < spans; i++) {
      started[i] = tracer.buildSpan("unsampled").start();
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CyclicBarrier start = new CyclicBarrier(2);
    try {
      List<Future<?>> finishers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        finishers.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          for (Span span : started) {
            span.finish();
          }
          return null;
        }));
      }
      for (Future<?> finisher : finishers) {
        finisher.get(60, TimeUnit.SECONDS);
      }
      assertEquals(spans, tracer.metrics().get(Metric.SPANS_NOT_SAMPLED));
      assertEquals(0, tracer.metrics().get(Metric.SPANS_FINISHED_SAMPLED));
      assertEquals(0, tracer.metrics().get(Metric.CALLS_AFTER_FINISH));
      for (Span span : started) {
        assertTrue(((SpoorSpan) span).isFinished()); // Future.get made the finishers' writes visible
      }
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
      tracer.close();
    }
  }

  /** Starts SPANS_PER_THREAD spans as nested chains; checks the active span and MDC at each step. */
  private static Map<Long, Expected> traceNested(SpoorTracer tracer, String thread) {
    Map<Long, Expected> expected = new HashMap<>(SPANS_PER_THREAD * 2);
    Span[] spans = new Span[DEPTH];
    Scope[] scopes = new Scope[DEPTH];
    for (int chain = 0; chain < SPANS_PER_THREAD / DEPTH; chain++) {
      if (tracer.activeSpan() != null || MDC.get("spanId") != null) {
        throw new AssertionError(thread + ": context leaked into a new chain");
      }
      long traceIdLow = 0;
      long parentId = 0;
      for (int level = 0; level < DEPTH; level++) {
        Span span = tracer.buildSpan(thread + "-" + chain + "-" + level).start();
        SpoorSpanContext context = (SpoorSpanContext) span.context();
        if (level == 0) {
          traceIdLow = context.traceIdLow();
        }
        expected.put(context.spanId(), new Expected(parentId, traceIdLow, thread));
        spans[level] = span;
        scopes[level] = tracer.activateSpan(span);
        if (tracer.activeSpan() != span || !context.toSpanId().equals(MDC.get("spanId"))) {
          throw new AssertionError(thread + ": wrong active span at level " + level);
        }
        parentId = context.spanId();
      }
      for (int level = DEPTH - 1; level >= 0; level--) {
        scopes[level].close();
        spans[level].finish();
        Span nowActive = tracer.activeSpan();
        if (nowActive != (level == 0 ? null : spans[level - 1])) {
          throw new AssertionError(thread + ": wrong span restored at level " + level);
        }
      }
    }
    return expected;
  }
}
