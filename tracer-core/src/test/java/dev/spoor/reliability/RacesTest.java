package dev.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.reporter.AgentReceiver;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.reporter.RemoteReporter;
import io.jaegertracing.thriftjava.Tag;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Races an application can start by sharing spans and scopes between threads: two finishes at
 * once, tags set while another thread finishes, scopes closed on a thread that did not open them.
 * Many rounds with barriers make the racing calls overlap on a 2-core box.
 */
class RacesTest {
  private static final long DEADLINE = AgentReceiver.DEADLINE_MILLIS;

  @Test
  void aSpanFinishedFromTwoThreadsAtOnceIsReportedOnce() throws Exception {
    InMemoryReporter reporter = new InMemoryReporter();
    int rounds = 5_000;
    try (SpoorTracer tracer = SpoorTracer.builder("races").reporter(reporter).build()) {
      Span[] shared = new Span[1];
      CyclicBarrier ready = new CyclicBarrier(2, () -> shared[0] = tracer.buildSpan("twice")
          .start());
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      List<Thread> finishers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        Thread finisher = new Thread(() -> {
          try {
            for (int i = 0; i < rounds; i++) {
              ready.await(DEADLINE, TimeUnit.MILLISECONDS);
              shared[0].finish();
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        }, "finisher-" + t);
        finishers.add(finisher);
        finisher.start();
      }
      for (Thread finisher : finishers) {
        finisher.join(60_000);
      }

      assertEquals(List.of(), new ArrayList<>(failures));
      assertEquals(rounds, reporter.spans().size());
      assertEquals(rounds, tracer.metrics().get(Metric.SPANS_FINISHED_SAMPLED));
      assertEquals(rounds, tracer.metrics().get(Metric.CALLS_AFTER_FINISH));
    }
  }

  @Test
  void tagsSetWhileAnotherThreadFinishesNeverCorruptTheEncodedSpan() throws Exception {
    int spans = 1_000;
    int tagsPerSpan = 40;
    try (AgentReceiver agent = new AgentReceiver()) {
      SpoorTracer tracer = SpoorTracer.builder("races").reporter(RemoteReporter.builder()
          .agentHost("127.0.0.1").agentPort(agent.port()).maxQueueSize(spans)
          .flushInterval(5, TimeUnit.MILLISECONDS).build()).build();
      Span[] shared = new Span[1];
      CyclicBarrier go = new CyclicBarrier(2);
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      Thread finisher = new Thread(() -> {
        try {
          for (int i = 0; i < spans; i++) {
            go.await(DEADLINE, TimeUnit.MILLISECONDS);
            for (int spin = 0; spin < (i % 64) * 8; spin++) {
              Thread.onSpinWait(); // finish at a different point of the tagging each time
            }
            shared[0].log("finishing");
            shared[0].finish();
            go.await(DEADLINE, TimeUnit.MILLISECONDS);
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "finisher");
      finisher.start();
      for (int i = 0; i < spans; i++) {
        Span span = tracer.buildSpan("tagged").start();
        shared[0] = span; // published to the finisher by the barrier
        go.await(DEADLINE, TimeUnit.MILLISECONDS);
        for (int k = 0; k < tagsPerSpan; k++) {
          span.setTag("k" + k, "value-" + k);
        }
        go.await(DEADLINE, TimeUnit.MILLISECONDS); // the finisher is done with this span
      }
      finisher.join(60_000);
      tracer.close();

      assertEquals(List.of(), new ArrayList<>(failures));
      long keptUserTags = 0;
      for (io.jaegertracing.thriftjava.Span span : agent.awaitSpans(spans)) {
        int next = 0; // the tagging thread sets k0, k1, ... in order: kept tags are a prefix
        for (Tag tag : span.getTags()) {
          if (tag.getKey().startsWith("k")) {
            assertEquals("k" + next, tag.getKey());
            assertEquals("value-" + next, tag.getVStr());
            next++;
          }
        }
        keptUserTags += next;
        assertEquals(1, span.getLogsSize());
      }
      long afterFinish = tracer.metrics().get(Metric.CALLS_AFTER_FINISH);
      assertEquals((long) spans * tagsPerSpan, keptUserTags + afterFinish,
          "every tag either kept or counted as set after finish");
      LoggerFactory.getLogger(RacesTest.class).info(
          "RELIABILITY tag/finish race: {} tags kept, {} set after finish", keptUserTags,
          afterFinish);
    }
  }

  @Test
  void scopesClosedOnAnotherThreadLeakNoSpanAndNoMdc() throws Exception {
    int owners = 4;
    int spansPerOwner = 10_000;
    try (SpoorTracer tracer = SpoorTracer.builder("races").build()) {
      BlockingQueue<Scope> toClose = new ArrayBlockingQueue<>(1000);
      ConcurrentLinkedQueue<WeakReference<Span>> activated = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      CountDownLatch allClosed = new CountDownLatch(1);
      CountDownLatch looked = new CountDownLatch(owners);
      CountDownLatch counted = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < owners; t++) {
        threads.add(new Thread(() -> {
          try {
            for (int i = 0; i < spansPerOwner; i++) {
              Span span = tracer.buildSpan("handed-over").start();
              activated.add(new WeakReference<>(span));
              toClose.put(tracer.activateSpan(span));
            }
            assertTrue(allClosed.await(DEADLINE, TimeUnit.MILLISECONDS));
            // The owner's next look at its stack drops every scope closed elsewhere.
            assertNull(tracer.activeSpan());
            assertNull(MDC.get("traceId"));
            looked.countDown();
            assertTrue(counted.await(DEADLINE, TimeUnit.MILLISECONDS)); // keep the thread alive
          } catch (Throwable e) {
            failures.add(e);
          }
        }, "owner-" + t));
      }
      Thread closer = new Thread(() -> {
        try {
          for (int i = 0; i < owners * spansPerOwner; i++) {
            Scope scope = toClose.poll(DEADLINE, TimeUnit.MILLISECONDS);
            scope.close();
            tracer.activeSpan(); // the closer's own stack stays empty
          }
          assertNull(tracer.activeSpan());
          assertNull(MDC.get("traceId"));
        } catch (Throwable e) {
          failures.add(e);
        }
        allClosed.countDown();
      }, "closer");
      threads.add(closer);
      threads.forEach(Thread::start);

      assertTrue(looked.await(60, TimeUnit.SECONDS), () -> "owners stuck: " + failures);
      int alive = aliveAfterGc(activated);
      counted.countDown();
      for (Thread thread : threads) {
        thread.join(DEADLINE);
      }
      assertEquals(List.of(), new ArrayList<>(failures));
      assertEquals(owners * spansPerOwner, activated.size());
      // The owner threads are still alive: their thread-locals hold nothing any more.
      assertEquals(0, alive, "spans still reachable after every scope was closed");
    }
  }

  private static int aliveAfterGc(ConcurrentLinkedQueue<WeakReference<Span>> references) {
    int alive = Integer.MAX_VALUE;
    for (int attempt = 0; attempt < 5 && alive > 0; attempt++) {
      System.gc();
      alive = 0;
      for (WeakReference<Span> reference : references) {
        if (reference.get() != null) {
          alive++;
        }
      }
    }
    return alive;
  }
}
