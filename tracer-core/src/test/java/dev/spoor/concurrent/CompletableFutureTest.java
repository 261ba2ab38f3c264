package dev.spoor.concurrent;

import static dev.spoor.concurrent.TracingFixture.DEADLINE_SECONDS;
import static dev.spoor.concurrent.TracingFixture.assertFollowsFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompletableFutureTest {
  private final TracingFixture fixture = new TracingFixture();
  private final SpoorTracer tracer = fixture.tracer;
  private final TaskTracing tasks = TaskTracing.create(tracer);
  private final ExecutorService pool =
      fixture.track(Executors.newFixedThreadPool(2, named("pool")));
  private final ExecutorService other =
      fixture.track(Executors.newSingleThreadExecutor(named("other")));
  private final Span parent = tracer.buildSpan("parent").start();

  @AfterEach
  void close() throws InterruptedException {
    fixture.close();
  }

  private static ThreadFactory named(String prefix) {
    return task -> new Thread(task, prefix);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void supplyAsyncAndItsAsyncStagesRunOnTheExecutorUnderTheCallersSpan() throws Exception {
    CompletableFuture<Seen> supplied;
    CompletableFuture<Seen> applied;
    CompletableFuture<Seen> composed;
    try (Scope ignored = tracer.activateSpan(parent)) {
      supplied = tasks.supplyAsync(() -> Seen.now(tracer), pool);
      applied = supplied.thenApplyAsync(seen -> Seen.now(tracer));
      composed = applied.thenApply(seen -> seen)
          .thenComposeAsync(seen -> CompletableFuture.completedFuture(Seen.now(tracer)));
    }
    for (CompletableFuture<Seen> future : List.of(supplied, applied, composed)) {
      Seen seen = await(future);
      seen.assertSaw(parent);
      assertEquals("pool", seen.thread());
    }
    Seen.now(tracer).assertSawNothing();
  }

  @Test
  void runAsyncRunsUnderTheCallersSpan() throws Exception {
    AtomicReference<Seen> seen = new AtomicReference<>();
    CompletableFuture<Void> done;
    try (Scope ignored = tracer.activateSpan(parent)) {
      done = tasks.runAsync(() -> seen.set(Seen.now(tracer)), pool);
    }
    await(done);
    seen.get().assertSaw(parent);
  }

  @Test
  void theCommonPoolOverloadsCarryTheSpanToo() throws Exception {
    AtomicReference<Seen> ran = new AtomicReference<>();
    CompletableFuture<Seen> supplied;
    CompletableFuture<Void> run;
    try (Scope ignored = tracer.activateSpan(parent)) {
      supplied = tasks.supplyAsync(() -> Seen.now(tracer));
      run = tasks.runAsync(() -> ran.set(Seen.now(tracer)));
    }
    await(supplied).assertSaw(parent);
    await(run);
    ran.get().assertSaw(parent);
  }

  @Test
  void aPromiseKeepsItsSpanWhenAThreadWithAnotherSpanCompletesIt() throws Exception {
    CompletableFuture<String> promise;
    CompletableFuture<Seen> callback;
    try (Scope ignored = tracer.activateSpan(parent)) {
      promise = tasks.completableFuture(pool);
      callback = promise.thenApplyAsync(value -> Seen.now(tracer));
    }
    Span intruder = tracer.buildSpan("intruder").start();
    await(other.submit(() -> {
      try (Scope ignored = tracer.activateSpan(intruder)) {
        promise.complete("value");
      }
    }));
    await(callback).assertSaw(parent);
  }

  @Test
  void aPromiseMadeWithoutASpanRunsStagesUnderTheSpanThatDispatchesThem() throws Exception {
    CompletableFuture<String> promise = tasks.completableFuture(pool);
    Span completer = tracer.buildSpan("completer").start();
    CompletableFuture<Seen> callback = promise.thenApplyAsync(value -> Seen.now(tracer));
    try (Scope ignored = tracer.activateSpan(completer)) {
      promise.complete("value");
    }
    await(callback).assertSaw(completer);
    Seen.now(tracer).assertSawNothing();
  }

  @Test
  void stagesGivenATracedExecutorAreBoundWhereTheyAreDispatched() throws Exception {
    CompletableFuture<String> plain = new CompletableFuture<>();
    CompletableFuture<Seen> callback =
        plain.thenApplyAsync(value -> Seen.now(tracer), tasks.executor(pool));
    try (Scope ignored = tracer.activateSpan(parent)) {
      plain.complete("value");
    }
    await(callback).assertSaw(parent);
  }

  @Test
  void aSpanPerTaskNamesTheSuppliersSpanAndTagsItsFailure() throws Exception {
    TaskTracing spanned = TaskTracing.builder(tracer).spanPerTask(true).build();
    IllegalStateException boom = new IllegalStateException("boom");
    CompletableFuture<String> failed;
    CompletableFuture<Seen> succeeded;
    try (Scope ignored = tracer.activateSpan(parent)) {
      failed = spanned.supplyAsync(() -> {
        throw boom;
      }, pool);
      succeeded = spanned.supplyAsync(new SeenSupplier(tracer), pool);
    }
    ExecutionException thrown = assertThrows(ExecutionException.class, () -> await(failed));
    assertSame(boom, thrown.getCause());
    Seen seen = await(succeeded);
    fixture.awaitFinished(2);
    FinishedSpan failedSpan = fixture.finished("CompletableFutureTest$$Lambda");
    assertFollowsFrom(parent, failedSpan);
    assertEquals(true, failedSpan.tags().get("error"));
    FinishedSpan supplierSpan = fixture.finished("CompletableFutureTest$SeenSupplier");
    assertFollowsFrom(parent, supplierSpan);
    assertEquals(supplierSpan.context().toSpanId(), seen.spanId());
    assertEquals(parent.context().toTraceId(), seen.traceId());
  }

  @Test
  void aCancelledPromiseRunsNothing() throws Exception {
    AtomicReference<Seen> ran = new AtomicReference<>();
    CompletableFuture<Void> blocked;
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService single = fixture.track(Executors.newSingleThreadExecutor());
    CompletableFuture<Void> cancelled;
    try (Scope ignored = tracer.activateSpan(parent)) {
      blocked = tasks.runAsync(() -> TaskTracingTest.awaitQuietly(release), single);
      cancelled = tasks.runAsync(() -> ran.set(Seen.now(tracer)), single);
    }
    assertTrue(cancelled.cancel(true));
    release.countDown();
    await(blocked);
    await(single.submit(() -> { }));
    assertEquals(null, ran.get());
    await(single.submit(() -> Seen.now(tracer))).assertSawNothing();
  }

  /** A named supplier class, for the default span name. */
  static final class SeenSupplier implements Supplier<Seen> {
    private final SpoorTracer tracer;

    SeenSupplier(SpoorTracer tracer) {
      this.tracer = tracer;
    }

    @Override
    public Seen get() {
      return Seen.now(tracer);
    }
  }
}
