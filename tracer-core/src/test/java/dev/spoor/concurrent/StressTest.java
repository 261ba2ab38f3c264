package dev.spoor.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.reporter.Reporter;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * 100,000 tasks from 1,000 parent spans on 4 submitting threads, run by 4 pool threads: every task
 * sees its own parent (or its own follows-from span) and its ids in the MDC, and untraced tasks
 * slipped in between see nothing. The reporter discards spans, so memory stays flat.
 */
class StressTest {
  private static final int SUBMITTERS = 4;
  private static final int PARENTS_PER_SUBMITTER = 250;
  private static final int TASKS_PER_PARENT = 100;
  private static final int TASKS = SUBMITTERS * PARENTS_PER_SUBMITTER * TASKS_PER_PARENT;

  private final SpoorTracer tracer = SpoorTracer.builder("stress").reporter(Reporter.NOOP).build();
  private final ExecutorService raw = Executors.newFixedThreadPool(4);
  private final ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
  private final AtomicInteger mismatches = new AtomicInteger();
  private final AtomicReference<String> firstMismatch = new AtomicReference<>();

  @AfterEach
  void close() throws InterruptedException {
    raw.shutdownNow();
    submitters.shutdownNow();
    assertTrue(raw.awaitTermination(10, TimeUnit.SECONDS));
    assertTrue(submitters.awaitTermination(10, TimeUnit.SECONDS));
    tracer.close();
  }

  @Test
  void noneOfAHundredThousandTasksSeesAnotherTasksContext() throws Exception {
    runStress(TaskTracing.create(tracer));
  }

  @Test
  void noneOfAHundredThousandSpannedTasksSeesAnotherTasksContext() throws Exception {
    runStress(TaskTracing.builder(tracer).spanPerTask(true)
        .operationName(task -> "stress").build());
  }

  private void runStress(TaskTracing tasks) throws Exception {
    ExecutorService pool = tasks.executorService(raw);
    CountDownLatch done = new CountDownLatch(TASKS + SUBMITTERS * PARENTS_PER_SUBMITTER);
    List<Future<?>> submitted = new ArrayList<>();
    for (int s = 0; s < SUBMITTERS; s++) {
      submitted.add(submitters.submit(() -> {
        for (int p = 0; p < PARENTS_PER_SUBMITTER; p++) {
          Span parent = tracer.buildSpan("parent").start();
          Probe probe = new Probe(parent, tasks.spanPerTask, done);
          try (Scope ignored = tracer.activateSpan(parent)) {
            for (int t = 0; t < TASKS_PER_PARENT; t++) {
              pool.execute(probe);
            }
          }
          parent.finish();
          pool.execute(new Probe(null, false, done)); // untraced: must see a clean thread
        }
      }));
    }
    for (Future<?> submitter : submitted) {
      submitter.get(30, TimeUnit.SECONDS);
    }
    assertTrue(done.await(30, TimeUnit.SECONDS), done.getCount() + " tasks never ran");
    assertEquals(0, mismatches.get(), "first mismatch: " + firstMismatch.get());
  }

  /** Checks, on the pool thread, that the context is the one its submitter had. */
  private final class Probe implements Runnable {
    private final Span parent;
    private final String traceId;
    private final String spanId;
    private final boolean ownSpan;
    private final CountDownLatch done;

    Probe(Span parent, boolean ownSpan, CountDownLatch done) {
      this.parent = parent;
      this.traceId = parent == null ? null : parent.context().toTraceId();
      this.spanId = parent == null ? null : parent.context().toSpanId();
      this.ownSpan = ownSpan;
      this.done = done;
    }

    @Override
    public void run() {
      Span active = tracer.activeSpan();
      String mdcTraceId = MDC.get("traceId");
      String mdcSpanId = MDC.get("spanId");
      boolean ok;
      if (parent == null) {
        ok = active == null && mdcTraceId == null && mdcSpanId == null;
      } else if (ownSpan) {
        ok = active != parent && active != null
            && ((SpoorSpanContext) active.context()).parentId()
                == ((SpoorSpanContext) parent.context()).spanId()
            && traceId.equals(mdcTraceId)
            && active.context().toSpanId().equals(mdcSpanId);
      } else {
        ok = active == parent && traceId.equals(mdcTraceId) && spanId.equals(mdcSpanId);
      }
      if (!ok && mismatches.getAndIncrement() == 0) {
        firstMismatch.set("expected " + parent + " saw " + active + " mdc " + mdcTraceId + "/"
            + mdcSpanId + " on " + Thread.currentThread().getName());
      }
      done.countDown();
    }
  }
}
