package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.metrics.Metric;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.sampler.ConstSampler;
import io.opentracing.Span;
import io.opentracing.tag.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpanTest {
  private static final long T0 = 1_700_000_000_000_000L;
  private final ManualClock clock = new ManualClock(T0);
  private final InMemoryReporter reporter = new InMemoryReporter();
  private final SpoorTracer tracer =
      SpoorTracer.builder("span-test").reporter(reporter).clock(clock).build();

  @AfterEach
  void closeTracer() {
    tracer.close();
  }

  private SpoorSpan start(String name) {
    return (SpoorSpan) tracer.buildSpan(name).start();
  }

  @Test
  void setsTagsOfEveryTypeAndOverwritesBySameKey() {
    SpoorSpan span = start("op");
    span.setTag("s", "v").setTag("b", true).setTag("n", 42L).setTag(Tags.COMPONENT, "jdbc");
    span.setTag("n", 43);
    Map<String, Object> tags = span.tags();
    assertEquals("v", tags.get("s"));
    assertEquals(Boolean.TRUE, tags.get("b"));
    assertEquals(43, tags.get("n"));
    assertEquals("jdbc", tags.get("component"));
    // Order of first set is kept, sampler tags first.
    List<String> keys = new ArrayList<>(tags.keySet());
    assertEquals(List.of("sampler.type", "sampler.param", "s", "b", "n", "component"), keys);
    assertEquals("s", span.tagKey(2));
    assertEquals("v", span.tagValue(2));
  }

  @Test
  void logsFieldsAndEventsWithTheClocksTimeOrAnExplicitOne() {
    SpoorSpan span = start("op");
    clock.advanceMicros(10);
    span.log(Map.of("event", "error", "message", "boom"));
    span.log(T0 + 100, Map.of("k", 1));
    clock.advanceMicros(10);
    span.log("cache-miss");
    span.log(T0 + 300, "retry");
    List<LogRecord> logs = span.logs();
    assertEquals(4, logs.size());
    assertEquals(T0 + 10, logs.get(0).timestampMicros());
    assertEquals(Map.of("event", "error", "message", "boom"), logs.get(0).fields());
    assertEquals(T0 + 100, logs.get(1).timestampMicros());
    assertEquals(Map.of("k", 1), logs.get(1).fields());
    assertEquals(T0 + 20, logs.get(2).timestampMicros());
    assertEquals(Map.of("event", "cache-miss"), logs.get(2).fields());
    assertEquals(T0 + 300, logs.get(3).timestampMicros());
    assertEquals(Map.of("event", "retry"), logs.get(3).fields());
  }

  @Test
  void copiesTheLoggedFieldsSoTheCallerMayReuseItsMap() {
    SpoorSpan span = start("op");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("attempt", 1);
    span.log(fields);
    fields.put("attempt", 2);
    assertEquals(1, span.logs().get(0).fields().get("attempt"));
  }

  @Test
  void baggagePropagatesToChildrenAndGrandchildren() {
    Span parent = start("parent").setBaggageItem("user", "alice");
    Span child = tracer.buildSpan("child").asChildOf(parent).start();
    child.setBaggageItem("tenant", "t1");
    Span grandchild = tracer.buildSpan("grandchild").asChildOf(child).start();
    assertEquals("alice", parent.getBaggageItem("user"));
    assertNull(parent.getBaggageItem("tenant"));
    assertEquals("alice", grandchild.getBaggageItem("user"));
    assertEquals("t1", grandchild.getBaggageItem("tenant"));
  }

  @Test
  void writingBaggageOnASampledSpanLogsIt() {
    SpoorSpan span = start("op");
    span.setBaggageItem("user", "alice");
    span.setBaggageItem("user", "bob");
    assertEquals(Map.of("event", "baggage", "key", "user", "value", "alice"),
        span.logs().get(0).fields());
    assertEquals("true", span.logs().get(1).fields().get("override"));
  }

  @Test
  void settingBaggageToNullRemovesIt() {
    SpoorSpan span = start("op");
    span.setBaggageItem("user", "alice");
    span.setBaggageItem("user", null);
    assertNull(span.getBaggageItem("user"));
    assertTrue(span.context().baggage().isEmpty());
  }

  @Test
  void renamesTheOperation() {
    SpoorSpan span = start("first");
    span.setOperationName("second");
    span.finish();
    assertEquals("second", reporter.spans().get(0).operationName());
  }

  @Test
  void finishingTwiceReportsOnceAndCountsTheSecondCall() {
    SpoorSpan span = start("op");
    span.finish();
    span.finish();
    span.finish(T0 + 5);
    assertEquals(1, reporter.size());
    assertEquals(2, tracer.metrics().get(Metric.CALLS_AFTER_FINISH));
    assertEquals(1, tracer.metrics().get(Metric.SPANS_FINISHED_SAMPLED));
  }

  @Test
  void callsAfterFinishAreIgnoredAndCounted() {
    SpoorSpan span = start("op");
    span.finish();
    int tagsBefore = span.tagCount();
    span.setTag("late", "x");
    span.setTag("late", true);
    span.setTag("late", 1);
    span.log("late");
    span.log(Map.of("late", 1));
    span.setBaggageItem("late", "x");
    span.setOperationName("late");
    assertEquals(tagsBefore, span.tagCount());
    assertTrue(span.logs().isEmpty());
    assertNull(span.getBaggageItem("late"));
    assertEquals("op", span.operationName());
    assertEquals(7, tracer.metrics().get(Metric.CALLS_AFTER_FINISH));
  }

  @Test
  void measuresTheDurationWithTheMonotonicClockEvenWhenTheWallClockSteps() {
    SpoorSpan span = start("op");
    clock.advanceMicros(1_500);
    clock.stepWallClockMicros(-60_000_000L); // NTP moves the wall clock back a minute
    span.finish();
    assertEquals(T0, span.startMicros());
    assertEquals(1_500, span.durationMicros());
    assertTrue(span.isFinished());
  }

  @Test
  void aSpanWithAnExplicitStartMeasuresItsDurationOnTheWallClock() {
    SpoorSpan span = (SpoorSpan) tracer.buildSpan("op").withStartTimestamp(T0 - 2_000).start();
    span.finish();
    assertEquals(2_000, span.durationMicros());
  }

  @Test
  void aFinishTimeBeforeTheStartGivesAZeroDuration() {
    SpoorSpan span = start("op");
    span.finish(T0 - 10);
    assertEquals(0, span.durationMicros());
  }

  @Test
  void manyThreadsCanTagAndLogOneSpan() throws Exception {
    SpoorSpan span = start("shared");
    int threads = 4;
    int perThread = 50;
    CyclicBarrier barrier = new CyclicBarrier(threads);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread worker = new Thread(() -> {
        try {
          barrier.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        for (int i = 0; i < perThread; i++) {
          span.setTag("t" + id + "-" + i, i);
          span.log("t" + id + "-" + i);
        }
      });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join(10_000);
      assertFalse(worker.isAlive());
    }
    span.finish();
    assertEquals(2 + threads * perThread, span.tagCount());
    assertEquals(threads * perThread, span.logs().size());
  }

  @Test
  void anUnsampledSpanRecordsNothingButCarriesItsContextAndBaggage() {
    InMemoryReporter unsampledReporter = new InMemoryReporter();
    try (SpoorTracer unsampled = SpoorTracer.builder("svc")
        .sampler(new ConstSampler(false)).reporter(unsampledReporter).clock(clock).build()) {
      SpoorSpan span = (SpoorSpan) unsampled.buildSpan("op").withTag("k", "v").start();
      span.setTag("a", "b").log("event").log(Map.of("x", 1));
      span.setBaggageItem("user", "alice");
      SpoorSpan child = (SpoorSpan) unsampled.buildSpan("child").asChildOf(span).start();
      child.finish();
      span.finish();
      span.finish();

      assertFalse(span.context().isSampled());
      assertEquals(0, span.tagCount());
      assertTrue(span.logs().isEmpty());
      assertEquals("alice", child.getBaggageItem("user"));
      assertEquals(span.context().traceIdLow(), child.context().traceIdLow());
      assertEquals(span.context().spanId(), child.context().parentId());
      assertTrue(child.references().isEmpty(), "an unsampled span keeps no references");
      assertTrue(child.isFinished());
      assertFalse(child.context().isSampled());
      assertEquals(0, unsampledReporter.size());
      assertEquals(2, unsampled.metrics().get(Metric.SPANS_NOT_SAMPLED));
      assertEquals(0, unsampled.metrics().get(Metric.SPANS_FINISHED_SAMPLED), "finishing it is free");
      assertEquals(0, unsampled.metrics().get(Metric.SPANS_REPORTED));
      assertEquals(0, unsampled.metrics().get(Metric.CALLS_AFTER_FINISH));
    }
  }

  @Test
  void aSpansTagsAreACopy() {
    SpoorSpan span = start("op");
    Map<String, Object> copy = span.tags();
    copy.put("x", "y");
    assertFalse(span.tags().containsKey("x"));
    assertEquals(new HashMap<>(span.tags()), span.tags());
  }
}
