package dev.spoor.concurrent;

import static dev.spoor.concurrent.TracingFixture.DEADLINE_SECONDS;
import static dev.spoor.concurrent.TracingFixture.assertFollowsFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import dev.spoor.reporter.InMemoryReporter;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TaskTracingTest {
  private final TracingFixture fixture = new TracingFixture();
  private final SpoorTracer tracer = fixture.tracer;
  private final TaskTracing tasks = TaskTracing.create(tracer);

  @AfterEach
  void close() throws InterruptedException {
    fixture.close();
  }

  private Span span(String name) {
    return tracer.buildSpan(name).ignoreActiveSpan().start();
  }

  @Test
  void wrappingWithoutAnActiveSpanReturnsTheTaskItself() {
    Runnable runnable = () -> { };
    Callable<String> callable = () -> "x";
    assertSame(runnable, tasks.wrap(runnable));
    assertSame(callable, tasks.wrap(callable));
  }

  @Test
  void wrappingAWrappedTaskKeepsTheFirstBinding() {
    Span first = span("first");
    Runnable wrapped;
    try (Scope ignored = tracer.activateSpan(first)) {
      wrapped = tasks.wrap((Runnable) () -> { });
    }
    try (Scope ignored = tracer.activateSpan(span("second"))) {
      assertSame(wrapped, tasks.wrap(wrapped));
    }
  }

  @Test
  void aWrappedRunnableRunsUnderTheSubmittingSpanOnAnotherThread() throws Exception {
    Span parent = span("parent");
    AtomicReference<Seen> during = new AtomicReference<>();
    AtomicReference<Seen> after = new AtomicReference<>();
    Runnable task;
    try (Scope ignored = tracer.activateSpan(parent)) {
      task = tasks.wrap((Runnable) () -> during.set(Seen.now(tracer)));
    }
    Thread thread = new Thread(() -> {
      task.run();
      after.set(Seen.now(tracer));
    });
    thread.start();
    thread.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
    during.get().assertSaw(parent);
    after.get().assertSawNothing();
  }

  @Test
  void aWrappedTaskGivesBackTheRunningThreadsOwnSpanAndMdcEvenWhenItThrows() {
    Span submitter = span("submitter");
    Span own = span("own");
    AtomicReference<Seen> during = new AtomicReference<>();
    Callable<String> task;
    try (Scope ignored = tracer.activateSpan(submitter)) {
      task = tasks.wrap(() -> {
        during.set(Seen.now(tracer));
        throw new IllegalStateException("boom");
      });
    }
    try (Scope ignored = tracer.activateSpan(own)) {
      assertThrows(IllegalStateException.class, task::call);
      during.get().assertSaw(submitter);
      Seen.now(tracer).assertSaw(own);
    }
    Seen.now(tracer).assertSawNothing();
  }

  @Test
  void anExecutorServiceCarriesTheSpanThroughEverySubmitMethod() throws Exception {
    ExecutorService pool = tasks.executorService(fixture.track(Executors.newFixedThreadPool(2)));
    Span parent = span("parent");
    List<Seen> seen = new ArrayList<>();
    Callable<Seen> look = () -> Seen.now(tracer);
    try (Scope ignored = tracer.activateSpan(parent)) {
      CountDownLatch executed = new CountDownLatch(1);
      AtomicReference<Seen> fromExecute = new AtomicReference<>();
      pool.execute(() -> {
        fromExecute.set(Seen.now(tracer));
        executed.countDown();
      });
      AtomicReference<Seen> fromRunnable = new AtomicReference<>();
      pool.submit(() -> fromRunnable.set(Seen.now(tracer))).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
      AtomicReference<Seen> fromRunnableWithResult = new AtomicReference<>();
      assertEquals("done", pool.submit(() -> fromRunnableWithResult.set(Seen.now(tracer)), "done")
          .get(DEADLINE_SECONDS, TimeUnit.SECONDS));
      seen.add(pool.submit(look).get(DEADLINE_SECONDS, TimeUnit.SECONDS));
      for (Future<Seen> future : pool.invokeAll(List.of(look, look))) {
        seen.add(future.get());
      }
      for (Future<Seen> future :
          pool.invokeAll(List.of(look), DEADLINE_SECONDS, TimeUnit.SECONDS)) {
        seen.add(future.get());
      }
      seen.add(pool.invokeAny(List.of(look, look)));
      seen.add(pool.invokeAny(List.of(look), DEADLINE_SECONDS, TimeUnit.SECONDS));
      assertTrue(executed.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
      seen.add(fromExecute.get());
      seen.add(fromRunnable.get());
      seen.add(fromRunnableWithResult.get());
    }
    assertEquals(9, seen.size());
    for (Seen one : seen) {
      one.assertSaw(parent);
    }
  }

  @Test
  void aPlainExecutorCarriesTheSpan() throws Exception {
    Executor executor = tasks.executor(fixture.track(Executors.newSingleThreadExecutor()));
    Span parent = span("parent");
    CountDownLatch ran = new CountDownLatch(1);
    AtomicReference<Seen> seen = new AtomicReference<>();
    try (Scope ignored = tracer.activateSpan(parent)) {
      executor.execute(() -> {
        seen.set(Seen.now(tracer));
        ran.countDown();
      });
    }
    assertTrue(ran.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
    seen.get().assertSaw(parent);
  }

  @Test
  void aForkJoinPoolCarriesTheSpanThroughTheExecutorServiceWrapper() throws Exception {
    ExecutorService own = tasks.executorService(fixture.track(new ForkJoinPool(2)));
    ExecutorService common = tasks.executorService(ForkJoinPool.commonPool());
    Span parent = span("parent");
    Future<Seen> fromOwn;
    Future<Seen> fromCommon;
    try (Scope ignored = tracer.activateSpan(parent)) {
      fromOwn = own.submit(() -> Seen.now(tracer));
      fromCommon = common.submit(() -> Seen.now(tracer));
    }
    fromOwn.get(DEADLINE_SECONDS, TimeUnit.SECONDS).assertSaw(parent);
    fromCommon.get(DEADLINE_SECONDS, TimeUnit.SECONDS).assertSaw(parent);
    // The common pool's worker is clean again: an untraced task sees nothing.
    common.submit(() -> Seen.now(tracer)).get(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .assertSawNothing();
  }

  @Test
  void aSpanPerTaskFollowsFromTheSubmittingSpanAndIsNamedAfterTheTaskClass() throws Exception {
    TaskTracing spanned = TaskTracing.builder(tracer).spanPerTask(true).build();
    ExecutorService pool = spanned.executorService(fixture.track(Executors.newFixedThreadPool(2)));
    Span parent = span("parent");
    Future<?> named;
    Future<Seen> lambda;
    try (Scope ignored = tracer.activateSpan(parent)) {
      named = pool.submit(new CountingTask());
      lambda = pool.submit(() -> Seen.now(tracer));
    }
    named.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    Seen seen = lambda.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    fixture.awaitFinished(2);
    assertFollowsFrom(parent, fixture.finished("TaskTracingTest$CountingTask"));
    FinishedSpan lambdaSpan = fixture.finished("TaskTracingTest$$Lambda");
    assertFollowsFrom(parent, lambdaSpan);
    seen.assertSaw(seen.active());
    assertEquals(lambdaSpan.context().toSpanId(), seen.spanId());
    assertEquals(parent.context().toTraceId(), seen.traceId());
    assertEquals("spoor-concurrent", lambdaSpan.tags().get("component"));
  }

  @Test
  void anOperationNameFunctionNamesEachTaskSpan() throws Exception {
    TaskTracing spanned = TaskTracing.builder(tracer).spanPerTask(true)
        .operationName(task -> task instanceof CountingTask ? "count" : null).build();
    ExecutorService pool = spanned.executorService(fixture.track(Executors.newFixedThreadPool(1)));
    Span parent = span("parent");
    try (Scope ignored = tracer.activateSpan(parent)) {
      pool.submit(new CountingTask()).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
      pool.submit(() -> { }).get(DEADLINE_SECONDS, TimeUnit.SECONDS); // null: default name
    }
    fixture.awaitFinished(2);
    assertFollowsFrom(parent, fixture.finished("count"));
    assertFollowsFrom(parent, fixture.finished("TaskTracingTest$$Lambda"));
  }

  @Test
  void aSpanPerTaskIsTaggedWithTheErrorWhenTheTaskThrows() throws Exception {
    TaskTracing spanned = TaskTracing.builder(tracer).spanPerTask(true)
        .operationName(task -> "failing").build();
    ExecutorService pool = spanned.executorService(fixture.track(Executors.newFixedThreadPool(1)));
    Span parent = span("parent");
    IllegalStateException boom = new IllegalStateException("boom");
    Future<?> future;
    try (Scope ignored = tracer.activateSpan(parent)) {
      future = pool.submit(() -> {
        throw boom;
      });
    }
    ExecutionException thrown = assertThrows(ExecutionException.class,
        () -> future.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
    assertSame(boom, thrown.getCause());
    fixture.awaitFinished(1);
    FinishedSpan failed = fixture.finished("failing");
    assertEquals(true, failed.tags().get("error"));
    assertEquals(1, failed.logs().size());
    assertEquals("error", failed.logs().get(0).fields().get("event"));
    assertEquals(IllegalStateException.class.getName(),
        failed.logs().get(0).fields().get("error.kind"));
    assertEquals("boom", failed.logs().get(0).fields().get("message"));
  }

  @Test
  void shutdownNowHandsBackTheCommandsTheApplicationGave() throws Exception {
    ExecutorService pool = tasks.executorService(fixture.track(Executors.newSingleThreadExecutor()));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Runnable waiting = () -> { };
    try (Scope ignored = tracer.activateSpan(span("parent"))) {
      pool.execute(() -> {
        started.countDown();
        awaitQuietly(release);
      });
      pool.execute(waiting);
    }
    assertTrue(started.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
    assertEquals(List.of(waiting), pool.shutdownNow());
    release.countDown();
  }

  @Test
  void anyScopeManagerWorksThroughTheOpenTracingApi() throws Exception {
    try (SpoorTracer plain = SpoorTracer.builder("svc").reporter(new InMemoryReporter())
        .scopeManager(new io.opentracing.util.ThreadLocalScopeManager()).build()) {
      ExecutorService pool = TaskTracing.create(plain)
          .executorService(fixture.track(Executors.newSingleThreadExecutor()));
      Span parent = plain.buildSpan("parent").start();
      Future<Span> seen;
      try (Scope ignored = plain.activateSpan(parent)) {
        seen = pool.submit(plain::activeSpan);
      }
      assertSame(parent, seen.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
      assertNull(pool.submit(plain::activeSpan).get(DEADLINE_SECONDS, TimeUnit.SECONDS));
      assertNull(MDC.get("traceId"));
    }
  }

  @Test
  void publicEntryPointsNameTheirNullArgument() {
    assertEquals("tracer == null",
        assertThrows(NullPointerException.class, () -> TaskTracing.create(null)).getMessage());
    assertEquals("task == null",
        assertThrows(NullPointerException.class, () -> tasks.wrap((Runnable) null)).getMessage());
    assertEquals("delegate == null", assertThrows(NullPointerException.class,
        () -> tasks.executorService(null)).getMessage());
    assertEquals("operationName == null", assertThrows(NullPointerException.class,
        () -> TaskTracing.builder(tracer).operationName(null)).getMessage());
    assertEquals("executor == null", assertThrows(NullPointerException.class,
        () -> tasks.supplyAsync(() -> "x", null)).getMessage());
  }

  @Test
  void wrappingAnExecutorTwiceBindsEachTaskOnce() {
    ExecutorService pool = fixture.track(Executors.newSingleThreadExecutor());
    ExecutorService once = tasks.executorService(pool);
    assertSame(once, tasks.executorService(once));
    assertSame(once, tasks.executor(once));
    assertNotEquals(pool, once);
  }

  @Test
  void closingTheWrapperClosesThePoolButNeverWaitsForTheCommonPool() throws Exception {
    ExecutorService pool = fixture.track(Executors.newFixedThreadPool(2));
    TracedExecutorService wrapped = (TracedExecutorService) tasks.executorService(pool);
    Future<?> running = wrapped.submit(() -> { });
    wrapped.close();
    assertTrue(pool.isTerminated());
    running.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    ((TracedExecutorService) tasks.executorService(ForkJoinPool.commonPool())).close();
    assertFalse(ForkJoinPool.commonPool().isShutdown());
  }

  static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A named task class, for the default span name. */
  static final class CountingTask implements Runnable {
    @Override
    public void run() {}
  }
}
