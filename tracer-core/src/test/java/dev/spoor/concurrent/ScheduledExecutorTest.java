package dev.spoor.concurrent;

import static dev.spoor.concurrent.TracingFixture.DEADLINE_SECONDS;
import static dev.spoor.concurrent.TracingFixture.assertFollowsFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScheduledExecutorTest {
  private final TracingFixture fixture = new TracingFixture();
  private final SpoorTracer tracer = fixture.tracer;
  private final ScheduledExecutorService raw =
      fixture.track(Executors.newSingleThreadScheduledExecutor());

  @AfterEach
  void close() throws InterruptedException {
    fixture.close();
  }

  @Test
  void oneShotTasksRunUnderTheSpanThatScheduledThem() throws Exception {
    ScheduledExecutorService scheduler = TaskTracing.create(tracer).scheduledExecutorService(raw);
    Span parent = tracer.buildSpan("parent").start();
    Queue<Seen> seen = new ConcurrentLinkedQueue<>();
    ScheduledFuture<?> runnable;
    ScheduledFuture<Seen> callable;
    try (Scope ignored = tracer.activateSpan(parent)) {
      runnable = scheduler.schedule(() -> seen.add(Seen.now(tracer)), 1, TimeUnit.MILLISECONDS);
      callable = scheduler.schedule(() -> Seen.now(tracer), 1, TimeUnit.MILLISECONDS);
    }
    runnable.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    seen.add(callable.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
    assertEquals(2, seen.size());
    seen.forEach(one -> one.assertSaw(parent));
    afterQuiescence(scheduler).assertSawNothing();
  }

  @Test
  void everyRunOfAFixedRateTaskGetsItsOwnSpanFollowingFromTheScheduler() throws Exception {
    assertPeriodicRunsAreSpanned(true);
  }

  @Test
  void everyRunOfAFixedDelayTaskGetsItsOwnSpanFollowingFromTheScheduler() throws Exception {
    assertPeriodicRunsAreSpanned(false);
  }

  private void assertPeriodicRunsAreSpanned(boolean fixedRate) throws Exception {
    ScheduledExecutorService scheduler = TaskTracing.builder(tracer).spanPerTask(true)
        .operationName(task -> "tick").build().scheduledExecutorService(raw);
    Span parent = tracer.buildSpan("parent").start();
    Queue<Seen> seen = new ConcurrentLinkedQueue<>();
    CountDownLatch threeRuns = new CountDownLatch(3);
    Runnable tick = () -> {
      seen.add(Seen.now(tracer));
      threeRuns.countDown();
    };
    ScheduledFuture<?> periodic;
    try (Scope ignored = tracer.activateSpan(parent)) {
      periodic = fixedRate
          ? scheduler.scheduleAtFixedRate(tick, 0, 1, TimeUnit.MILLISECONDS)
          : scheduler.scheduleWithFixedDelay(tick, 0, 1, TimeUnit.MILLISECONDS);
    }
    assertTrue(threeRuns.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
    periodic.cancel(false);
    afterQuiescence(scheduler).assertSawNothing();

    Set<String> spanIds = new HashSet<>();
    for (FinishedSpan span : fixture.reporter.spans()) {
      assertEquals("tick", span.operationName());
      assertFollowsFrom(parent, span);
      spanIds.add(span.context().toSpanId());
    }
    assertEquals(seen.size(), spanIds.size(), "one span per run");
    for (Seen run : seen) {
      assertEquals(parent.context().toTraceId(), run.traceId());
      assertTrue(spanIds.remove(run.spanId()), "each run saw its own span in the MDC");
    }
  }

  /** What an untraced task sees once every earlier task of the single thread has finished. */
  private Seen afterQuiescence(ScheduledExecutorService scheduler) throws Exception {
    return scheduler.submit(() -> Seen.now(tracer)).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }
}
