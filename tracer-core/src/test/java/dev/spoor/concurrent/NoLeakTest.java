package dev.spoor.concurrent;

import static dev.spoor.concurrent.TracingFixture.DEADLINE_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.LogCapture;
import dev.spoor.SpoorTracer;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** After every way a task can end, the pooled thread holds no span and no trace ids in its MDC. */
class NoLeakTest {
  private final TracingFixture fixture = new TracingFixture();
  private final SpoorTracer tracer = fixture.tracer;
  private final TaskTracing spanned = TaskTracing.builder(tracer).spanPerTask(true)
      .operationName(task -> "task").build();
  private final ExecutorService raw = fixture.track(Executors.newSingleThreadExecutor());
  private final ExecutorService pool = spanned.executorService(raw);
  private final Span parent = tracer.buildSpan("parent").start();

  @AfterEach
  void close() throws InterruptedException {
    fixture.close();
  }

  /** What an untraced task sees on the (single) pooled thread after everything before it. */
  private Seen pooledThread() throws Exception {
    return raw.submit(() -> Seen.now(tracer)).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void aTaskThatThrowsLeavesThePooledThreadClean() throws Exception {
    Future<?> failed;
    try (Scope ignored = tracer.activateSpan(parent)) {
      failed = pool.submit(() -> {
        throw new IllegalStateException("boom");
      });
    }
    assertThrows(ExecutionException.class, () -> failed.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
    pooledThread().assertSawNothing();
    assertEquals(true, fixture.finished("task").tags().get("error"));
  }

  @Test
  void aTaskThatThrowsAnErrorGivesTheThreadItsOwnSpanBack() {
    Runnable task;
    try (Scope ignored = tracer.activateSpan(parent)) {
      task = spanned.wrap((Runnable) () -> {
        throw new AssertionError("fatal");
      });
    }
    Span own = tracer.buildSpan("own").start();
    try (Scope ignored = tracer.activateSpan(own)) {
      assertThrows(AssertionError.class, task::run);
      Seen.now(tracer).assertSaw(own);
    }
    Seen.now(tracer).assertSawNothing();
  }

  @Test
  void aTaskCancelledWhileRunningLeavesThePooledThreadClean() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicReference<Seen> during = new AtomicReference<>();
    Future<?> running;
    try (Scope ignored = tracer.activateSpan(parent)) {
      running = pool.submit(() -> {
        during.set(Seen.now(tracer));
        started.countDown();
        never.await(); // until interrupted by cancel(true)
        return null;
      });
    }
    assertTrue(started.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
    assertTrue(running.cancel(true));
    assertThrows(CancellationException.class, running::get);
    Seen seen = pooledThread();
    seen.assertSawNothing();
    fixture.awaitFinished(1);
    assertEquals(true, fixture.finished("task").tags().get("error"));
    assertEquals(parent.context().toTraceId(), during.get().traceId());
  }

  @Test
  void aTaskCancelledBeforeItRanStartsNoSpanAndLeavesNothing() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> blocker;
    Future<?> cancelled;
    try (Scope ignored = tracer.activateSpan(parent)) {
      blocker = pool.submit(() -> {
        started.countDown();
        TaskTracingTest.awaitQuietly(release);
      });
      cancelled = pool.submit(() -> fixture.tracer.buildSpan("never").start().finish());
    }
    assertTrue(started.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
    assertTrue(cancelled.cancel(false));
    release.countDown();
    blocker.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    pooledThread().assertSawNothing();
    assertEquals(1, fixture.reporter.size(), "only the blocker's span: " + fixture.reporter.spans());
  }

  @Test
  void aRejectedTaskLeavesTheSubmitterAsItWasAndStartsNoSpan() {
    raw.shutdown();
    try (Scope ignored = tracer.activateSpan(parent)) {
      assertThrows(RejectedExecutionException.class, () -> pool.submit(() -> { }));
      Seen.now(tracer).assertSaw(parent);
    }
    Seen.now(tracer).assertSawNothing();
    assertEquals(0, fixture.reporter.size());
  }

  @Test
  void aTaskThatLeavesItsOwnScopeOpenIsReportedByAWarning() throws Exception {
    try (LogCapture warnings = new LogCapture(TaskTracing.class.getName())) {
      Span leaked = tracer.buildSpan("leaked").ignoreActiveSpan().start();
      Runnable careless;
      try (Scope ignored = tracer.activateSpan(parent)) {
        careless = TaskTracing.create(tracer).wrap((Runnable) () -> tracer.activateSpan(leaked));
      }
      Thread thread = new Thread(careless);
      thread.start();
      thread.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
      assertEquals(1, warnings.events().size());
      assertEquals(Level.WARNING, warnings.events().get(0).getLevel());
      assertTrue(warnings.messages().get(0).contains("close every scope"));
    }
  }

  @Test
  void aTaskThatLeavesScopesOpenLeavesNothingActiveAndACleanMdcOnThePooledThread()
      throws Exception {
    Span leaked = tracer.buildSpan("leaked").ignoreActiveSpan().start();
    Future<?> careless;
    try (Scope ignored = tracer.activateSpan(parent)) {
      careless = pool.submit(() -> {
        tracer.activateSpan(leaked);
        tracer.activateSpan(leaked);
      });
    }
    careless.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    pooledThread().assertSawNothing();
    assertEquals(1, fixture.reporter.size(), "the task's own span is still finished");
  }

  @Test
  void aCallerThatRunsACarelessTaskItselfGetsItsOwnScopeBack() {
    Span leaked = tracer.buildSpan("leaked").ignoreActiveSpan().start();
    try (Scope ignored = tracer.activateSpan(parent)) {
      Runnable careless =
          TaskTracing.create(tracer).wrap((Runnable) () -> tracer.activateSpan(leaked));
      careless.run();
      Seen.now(tracer).assertSaw(parent);
    }
    Seen.now(tracer).assertSawNothing();
  }

  @Test
  void aTaskRunByTheCallerRunsInItsOwnSpanAndGivesTheCallerItsScopeBack() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService busy = spanned.executorService(fixture.track(new ThreadPoolExecutor(
        1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1),
        new ThreadPoolExecutor.CallerRunsPolicy())));
    AtomicReference<Seen> during = new AtomicReference<>();
    try (Scope ignored = tracer.activateSpan(parent)) {
      busy.execute(() -> TaskTracingTest.awaitQuietly(release)); // occupies the thread
      busy.execute(() -> { }); // fills the queue
      busy.execute(() -> during.set(Seen.now(tracer))); // rejected: runs here
      Seen.now(tracer).assertSaw(parent);
    }
    release.countDown();
    Seen.now(tracer).assertSawNothing();
    assertFalse(during.get().active() == parent, "ran in its own span");
    assertEquals(parent.context().toTraceId(), during.get().traceId());
    assertEquals(Thread.currentThread().getName(), during.get().thread());
  }
}
