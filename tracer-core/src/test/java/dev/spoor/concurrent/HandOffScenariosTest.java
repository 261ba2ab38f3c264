package dev.spoor.concurrent;

import static dev.spoor.concurrent.TracingFixture.DEADLINE_SECONDS;
import static dev.spoor.concurrent.TracingFixture.assertChildOf;
import static dev.spoor.concurrent.TracingFixture.assertFollowsFrom;
import static dev.spoor.concurrent.TracingFixture.assertRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import io.opentracing.tag.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** opentracing-testbed's hand-off scenarios, run through {@link TaskTracing} on Spoor's tracer. */
class HandOffScenariosTest {
  private final TracingFixture fixture = new TracingFixture();
  private final SpoorTracer tracer = fixture.tracer;
  private final TaskTracing tasks = TaskTracing.create(tracer);
  private final ExecutorService worker = fixture.track(Executors.newSingleThreadExecutor());

  @AfterEach
  void close() throws InterruptedException {
    fixture.close();
  }

  private record Message(Map<String, String> headers, CompletableFuture<String> reply) {}

  /** Client/server over a queue: the context crosses as headers, then rides the server's pool. */
  @Test
  void aServerOverAQueueContinuesTheClientsTraceAndTheReplyReturnsToTheClientsSpan()
      throws Exception {
    BlockingQueue<Message> queue = new ArrayBlockingQueue<>(1);
    ExecutorService server = fixture.track(Executors.newSingleThreadExecutor());
    ExecutorService handlers = tasks.executorService(worker);
    Future<Seen> served = server.submit(() -> {
      Message message = queue.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
      SpanContext client = tracer.extract(Format.Builtin.TEXT_MAP,
          new TextMapAdapter(message.headers()));
      Span receive = tracer.buildSpan("receive").asChildOf(client)
          .withTag(Tags.SPAN_KIND, Tags.SPAN_KIND_SERVER).start();
      try (Scope ignored = tracer.activateSpan(receive)) {
        Seen handled = handlers.submit(() -> Seen.now(tracer))
            .get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        message.reply().complete("pong"); // completes under the server's span
        return handled;
      } finally {
        receive.finish();
      }
    });

    Span send = tracer.buildSpan("send").withTag(Tags.SPAN_KIND, Tags.SPAN_KIND_CLIENT).start();
    CompletableFuture<Seen> onReply;
    try (Scope ignored = tracer.activateSpan(send)) {
      Map<String, String> headers = new HashMap<>();
      tracer.inject(send.context(), Format.Builtin.TEXT_MAP, new TextMapAdapter(headers));
      CompletableFuture<String> reply = tasks.completableFuture(worker);
      onReply = reply.thenApplyAsync(pong -> Seen.now(tracer));
      assertTrue(queue.offer(new Message(headers, reply), DEADLINE_SECONDS, TimeUnit.SECONDS));
    }
    onReply.get(DEADLINE_SECONDS, TimeUnit.SECONDS).assertSaw(send);
    send.finish();

    // The server finishes "receive" after completing the reply: wait for the server task first.
    Seen handled = served.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    FinishedSpan receive = fixture.finished("receive");
    assertChildOf(send, receive);
    handled.assertSaw(receive);
    assertRoot(fixture.finished("send"));
  }

  /** Suspend/resume: two jobs interleave their parts on one thread, each resuming its own span. */
  @Test
  void interleavedJobsEachResumeTheirOwnSpanOnTheSameThread() throws Exception {
    Job job1 = new Job("job 1");
    Job job2 = new Job("job 2");
    job1.doPart();
    job2.doPart();
    job1.doPart();
    job2.doPart();
    job2.doPart();
    job1.doPart();
    job1.done();
    job2.done();

    for (Job job : List.of(job1, job2)) {
      FinishedSpan finished = fixture.finished(job.name);
      assertRoot(finished);
      assertEquals(3, job.parts.size());
      job.parts.forEach(part -> part.assertSaw(job.span));
    }
    assertNotEquals(job1.span.context().toTraceId(), job2.span.context().toTraceId());
    worker.submit(() -> Seen.now(tracer)).get(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .assertSawNothing();
  }

  /** A job whose span is suspended between parts and resumed, on the worker, for each part. */
  private final class Job {
    final String name;
    final Span span;
    final Queue<Seen> parts = new ConcurrentLinkedQueue<>();
    private CompletableFuture<Void> tail;

    Job(String name) {
      this.name = name;
      span = tracer.buildSpan(name).start();
      try (Scope ignored = tracer.activateSpan(span)) {
        tail = tasks.completableFuture(worker);
      }
      tail.complete(null); // from here on the span is suspended: active nowhere
    }

    void doPart() {
      tail = tail.thenRunAsync(() -> parts.add(Seen.now(tracer)));
    }

    void done() throws Exception {
      tail.thenRun(span::finish).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** Active span replacement: a task swaps the carried span for others and gets it back. */
  @Test
  void aTaskCanReplaceTheCarriedSpanAndGetsItBackAfterwards() throws Exception {
    ExecutorService pool = tasks.executorService(worker);
    Span initial = tracer.buildSpan("initial").start();
    Future<List<Seen>> phases;
    try (Scope ignored = tracer.activateSpan(initial)) {
      phases = pool.submit(() -> {
        List<Seen> seen = new ArrayList<>();
        seen.add(Seen.now(tracer));
        Span task = tracer.buildSpan("task").ignoreActiveSpan().start();
        try (Scope taskScope = tracer.activateSpan(task)) {
          seen.add(Seen.now(tracer));
          Span subtask = tracer.buildSpan("subtask").start();
          try (Scope subtaskScope = tracer.activateSpan(subtask)) {
            seen.add(Seen.now(tracer));
          } finally {
            subtask.finish();
          }
        } finally {
          task.finish();
        }
        seen.add(Seen.now(tracer));
        initial.finish();
        return seen;
      });
    }
    List<Seen> seen = phases.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    FinishedSpan task = fixture.finished("task");
    FinishedSpan subtask = fixture.finished("subtask");
    seen.get(0).assertSaw(initial);
    seen.get(1).assertSaw(task);
    seen.get(2).assertSaw(subtask);
    seen.get(3).assertSaw(initial);
    assertRoot(task);
    assertChildOf(task, subtask);
    assertRoot(fixture.finished("initial"));
    assertNotEquals(initial.context().toTraceId(), task.context().toTraceId());
    worker.submit(() -> Seen.now(tracer)).get(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .assertSawNothing();
  }

  /** Actor hand-off: every message is received in a span following from its sender. */
  @Test
  void anActorReceivesEachMessageInASpanFollowingFromItsSender() throws Exception {
    ExecutorService mailbox = TaskTracing.builder(tracer).spanPerTask(true)
        .operationName(message -> "received").build().executorService(worker);
    Queue<Seen> received = new ConcurrentLinkedQueue<>();
    Span teller = tracer.buildSpan("tell").start();
    Span asker = tracer.buildSpan("ask").start();
    CountDownLatch told = new CountDownLatch(2);
    List<Future<Seen>> answers = new ArrayList<>();
    try (Scope ignored = tracer.activateSpan(teller)) {
      for (int i = 0; i < 2; i++) {
        mailbox.execute(() -> {
          received.add(Seen.now(tracer));
          told.countDown();
        });
      }
    }
    try (Scope ignored = tracer.activateSpan(asker)) {
      for (int i = 0; i < 2; i++) {
        answers.add(mailbox.submit(() -> Seen.now(tracer)));
      }
    }
    assertTrue(told.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
    for (Future<Seen> answer : answers) {
      Seen seen = answer.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
      seen.assertSaw(seen.active());
      assertFollowsFrom(asker, (FinishedSpan) seen.active());
    }
    for (Seen seen : received) {
      seen.assertSaw(seen.active());
      assertFollowsFrom(teller, (FinishedSpan) seen.active());
    }
    fixture.awaitFinished(4);
    for (FinishedSpan span : fixture.reporter.spans()) {
      assertEquals("received", span.operationName());
    }
  }
}
