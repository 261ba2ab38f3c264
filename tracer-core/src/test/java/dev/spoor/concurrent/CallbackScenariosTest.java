package dev.spoor.concurrent;

import static dev.spoor.concurrent.TracingFixture.DEADLINE_SECONDS;
import static dev.spoor.concurrent.TracingFixture.assertChildOf;
import static dev.spoor.concurrent.TracingFixture.assertFollowsFrom;
import static dev.spoor.concurrent.TracingFixture.assertRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** opentracing-testbed's callback scenarios, run through {@link TaskTracing} on Spoor's tracer. */
class CallbackScenariosTest {
  private final TracingFixture fixture = new TracingFixture();
  private final SpoorTracer tracer = fixture.tracer;
  private final TaskTracing tasks = TaskTracing.create(tracer);
  private final ExecutorService raw = fixture.track(Executors.newFixedThreadPool(2));
  private final ExecutorService pool = tasks.executorService(raw);

  @AfterEach
  void close() throws InterruptedException {
    fixture.close();
  }

  /** Promise propagation: each callback of a promise runs in a span following from its creator. */
  @Test
  void promiseCallbacksFollowFromTheSpanThatMadeThePromise() throws Exception {
    TaskTracing spanned = TaskTracing.builder(tracer).spanPerTask(true).build();
    Span promiseSpan = tracer.buildSpan("promise").start();
    Queue<Seen> seen = new ConcurrentLinkedQueue<>();
    CompletableFuture<String> succeeding;
    CompletableFuture<String> failing;
    List<CompletableFuture<?>> callbacks = new ArrayList<>();
    try (Scope ignored = tracer.activateSpan(promiseSpan)) {
      succeeding = spanned.completableFuture(raw);
      failing = spanned.completableFuture(raw);
      callbacks.add(succeeding.thenAcceptAsync(value -> seen.add(Seen.now(tracer))));
      callbacks.add(succeeding.thenAcceptAsync(value -> seen.add(Seen.now(tracer))));
      callbacks.add(failing.exceptionallyAsync(error -> {
        seen.add(Seen.now(tracer));
        return "recovered";
      }));
    }
    succeeding.complete("ok"); // on a thread with no span at all
    failing.completeExceptionally(new IllegalStateException("no"));
    CompletableFuture.allOf(callbacks.toArray(new CompletableFuture<?>[0]))
        .get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    promiseSpan.finish();
    fixture.awaitFinished(4);

    assertEquals(3, seen.size());
    for (Seen callback : seen) {
      FinishedSpan own = (FinishedSpan) callback.active();
      assertFollowsFrom(promiseSpan, own);
      callback.assertSaw(own);
      assertTrue(fixture.reporter.spans().contains(own), "reported: " + own);
    }
    assertEquals(2, fixture.reporter.spans().stream()
        .filter(span -> span.operationName().equals("CompletableFuture$UniAccept")).count());
    assertFollowsFrom(promiseSpan, fixture.finished("CompletableFuture$UniExceptionally"));
  }

  /** Nested callbacks: each callback schedules the next; all of them see the same span. */
  @Test
  void nestedCallbacksAllRunUnderTheOneSpanTheLastOneFinishes() throws Exception {
    Span one = tracer.buildSpan("one").start();
    Queue<Seen> seen = new ConcurrentLinkedQueue<>();
    try (Scope ignored = tracer.activateSpan(one)) {
      pool.execute(() -> {
        seen.add(Seen.now(tracer));
        tracer.activeSpan().setTag("key1", "1");
        pool.execute(() -> {
          seen.add(Seen.now(tracer));
          tracer.activeSpan().setTag("key2", "2");
          pool.execute(() -> {
            seen.add(Seen.now(tracer));
            tracer.activeSpan().setTag("key3", "3").finish();
          });
        });
      });
    }
    fixture.awaitFinished(1);
    FinishedSpan finished = fixture.finished("one");
    assertRoot(finished);
    Map<String, Object> tags = finished.tags();
    assertEquals(List.of("1", "2", "3"),
        List.of(tags.get("key1"), tags.get("key2"), tags.get("key3")));
    assertEquals(3, seen.size());
    seen.forEach(callback -> callback.assertSaw(one));
  }

  /** Multiple callbacks: each callback starts a child of the span active when it was sent. */
  @Test
  void multipleCallbacksEachStartAChildOfTheSendersSpan() throws Exception {
    Span parent = tracer.buildSpan("parent").start();
    List<Future<Seen[]>> sent = new ArrayList<>();
    try (Scope ignored = tracer.activateSpan(parent)) {
      for (int i = 0; i < 3; i++) {
        sent.add(pool.submit(() -> {
          Seen before = Seen.now(tracer);
          Span subtask = tracer.buildSpan("subtask").start();
          try (Scope inner = tracer.activateSpan(subtask)) {
            return new Seen[] {before, Seen.now(tracer)};
          } finally {
            subtask.finish();
          }
        }));
      }
    }
    for (Future<Seen[]> callback : sent) {
      Seen[] seen = callback.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
      seen[0].assertSaw(parent);
      FinishedSpan subtask = (FinishedSpan) seen[1].active();
      seen[1].assertSaw(subtask);
      assertChildOf(parent, subtask);
    }
    parent.finish();
    assertEquals(4, fixture.reporter.size());
    assertSame(parent, fixture.reporter.spans().get(3));
  }

  /** Late span finish: the parent outlives its children and is finished after them. */
  @Test
  void aParentFinishedAfterItsChildrenIsStillTheirParent() throws Exception {
    Span parent = tracer.buildSpan("parent").start();
    List<Future<Seen>> children = new ArrayList<>();
    try (Scope ignored = tracer.activateSpan(parent)) {
      for (String name : List.of("task1", "task2")) {
        children.add(pool.submit(() -> {
          Span child = tracer.buildSpan(name).start();
          try (Scope inner = tracer.activateSpan(child)) {
            return Seen.now(tracer);
          } finally {
            child.finish();
          }
        }));
      }
    }
    for (Future<Seen> child : children) {
      child.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
    parent.finish();
    List<FinishedSpan> spans = fixture.reporter.spans();
    assertEquals(3, spans.size());
    assertSame(parent, spans.get(2));
    assertChildOf(parent, fixture.finished("task1"));
    assertChildOf(parent, fixture.finished("task2"));
    children.get(0).get().assertSaw(fixture.finished("task1"));
    children.get(1).get().assertSaw(fixture.finished("task2"));
    Seen.now(tracer).assertSawNothing();
  }

  /** Listener per request: a listener bound at send time finishes its own request's span. */
  @Test
  void eachResponseListenerSeesAndFinishesItsOwnRequestSpan() throws Exception {
    ExecutorService network = fixture.track(Executors.newSingleThreadExecutor());
    CountDownLatch sentBoth = new CountDownLatch(1);
    Queue<Seen> heard = new ConcurrentLinkedQueue<>();
    List<Runnable> listeners = new ArrayList<>();
    List<Span> requests = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Span request = tracer.buildSpan("request" + i).start();
      requests.add(request);
      try (Scope ignored = tracer.activateSpan(request)) {
        listeners.add(tasks.wrap((Runnable) () -> {
          heard.add(Seen.now(tracer));
          tracer.activeSpan().finish();
        }));
      }
    }
    // The network thread answers in reverse order, after both requests were sent.
    Future<?> responses = network.submit(() -> {
      TaskTracingTest.awaitQuietly(sentBoth);
      listeners.get(1).run();
      listeners.get(0).run();
    });
    sentBoth.countDown();
    responses.get(DEADLINE_SECONDS, TimeUnit.SECONDS);

    List<Seen> inOrder = new ArrayList<>(heard);
    inOrder.get(0).assertSaw(requests.get(1));
    inOrder.get(1).assertSaw(requests.get(0));
    assertRoot(fixture.finished("request0"));
    assertRoot(fixture.finished("request1"));
    assertNotEquals(requests.get(0).context().toTraceId(), requests.get(1).context().toTraceId());
  }
}
