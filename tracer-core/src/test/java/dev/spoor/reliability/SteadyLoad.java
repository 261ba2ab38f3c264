package dev.spoor.reliability;

import io.opentracing.Span;
import io.opentracing.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Application threads that finish spans without pause until stopped, while a test breaks the
 * reporter around them; they remember what was thrown at them and their slowest finish().
 */
final class SteadyLoad implements AutoCloseable {
  private final List<Thread> threads = new ArrayList<>();
  private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
  private final AtomicLong finished = new AtomicLong();
  private final AtomicLong slowestFinishNanos = new AtomicLong();
  private volatile boolean stopped;

  SteadyLoad(Tracer tracer, String operationName, int threadCount) {
    for (int t = 0; t < threadCount; t++) {
      Thread thread = new Thread(() -> {
        try {
          long slowest = 0;
          while (!stopped) {
            Span span = tracer.buildSpan(operationName).start();
            long before = System.nanoTime();
            span.finish();
            slowest = Math.max(slowest, System.nanoTime() - before);
            finished.incrementAndGet();
          }
          slowestFinishNanos.accumulateAndGet(slowest, Math::max);
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "steady-load-" + t);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Spans finished so far. */
  long finished() {
    return finished.get();
  }

  /** Stops and joins the threads (idempotent); fails if one does not stop in time. */
  @Override
  public void close() throws InterruptedException {
    stopped = true;
    for (Thread thread : threads) {
      thread.join(dev.spoor.reporter.AgentReceiver.DEADLINE_MILLIS);
      if (thread.isAlive()) {
        throw new AssertionError(thread.getName() + " did not stop");
      }
    }
  }

  /** What the threads threw: empty when tracing never hurt them. */
  List<Throwable> failures() {
    return new ArrayList<>(failures);
  }

  /** The slowest finish() of any thread, known after {@link #close()}. */
  long slowestFinishNanos() {
    return slowestFinishNanos.get();
  }
}
