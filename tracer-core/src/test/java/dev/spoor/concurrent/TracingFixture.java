package dev.spoor.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorReference;
import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import dev.spoor.reporter.InMemoryReporter;
import io.opentracing.References;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.MDC;

/**
 * A Spoor tracer reporting into memory, plus the executors a test starts, all closed by
 * {@link #close()} so that no test leaves threads behind.
 */
final class TracingFixture {
  static final long DEADLINE_SECONDS = 10;

  final InMemoryReporter reporter = new InMemoryReporter();
  final SpoorTracer tracer = SpoorTracer.builder("svc").reporter(reporter).build();
  private final List<ExecutorService> executors = new ArrayList<>();

  TracingFixture() {
    MDC.clear();
  }

  <E extends ExecutorService> E track(E executor) {
    executors.add(executor);
    return executor;
  }

  /**
   * The reported span named {@code operationName}, polled for until the deadline since another
   * thread may still be finishing it; fails unless exactly one was reported.
   */
  FinishedSpan finished(String operationName) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    List<FinishedSpan> matches = named(operationName);
    while (matches.isEmpty() && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      matches = named(operationName);
    }
    assertEquals(1, matches.size(), "spans named " + operationName + " in " + reporter.spans());
    return matches.get(0);
  }

  private List<FinishedSpan> named(String operationName) {
    List<FinishedSpan> matches = new ArrayList<>();
    for (FinishedSpan span : reporter.spans()) {
      if (span.operationName().equals(operationName)) {
        matches.add(span);
      }
    }
    return matches;
  }

  /** Polls (never sleeps a fixed time) until {@code count} spans were reported. */
  void awaitFinished(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (reporter.size() < count) {
      assertTrue(System.nanoTime() - deadline < 0, "only " + reporter.spans() + " finished");
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  static void assertChildOf(Span parent, FinishedSpan child) {
    assertReference(References.CHILD_OF, parent.context(), child);
  }

  static void assertChildOf(FinishedSpan parent, FinishedSpan child) {
    assertReference(References.CHILD_OF, parent.context(), child);
  }

  static void assertFollowsFrom(Span parent, FinishedSpan child) {
    assertReference(References.FOLLOWS_FROM, parent.context(), child);
  }

  static void assertFollowsFrom(FinishedSpan parent, FinishedSpan child) {
    assertReference(References.FOLLOWS_FROM, parent.context(), child);
  }

  private static void assertReference(String type, SpanContext parent, FinishedSpan child) {
    assertEquals(1, child.references().size(), "references of " + child);
    SpoorReference reference = child.references().get(0);
    assertEquals(type, reference.type(), "reference of " + child);
    assertEquals(parent.toSpanId(), reference.context().toSpanId());
    assertEquals(parent.toTraceId(), child.context().toTraceId(), "trace of " + child);
  }

  static void assertRoot(FinishedSpan span) {
    assertTrue(span.references().isEmpty(), "references of " + span);
    assertEquals(0L, span.context().parentId());
  }

  void close() throws InterruptedException {
    for (ExecutorService executor : executors) {
      executor.shutdownNow();
    }
    for (ExecutorService executor : executors) {
      assertTrue(executor.awaitTermination(DEADLINE_SECONDS, TimeUnit.SECONDS), executor + " stopped");
    }
    tracer.close();
    MDC.clear();
  }
}
