package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spoor.reporter.InMemoryReporter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {
  /** Hands out the given values in order, then fails the test. */
  private static IdGenerator values(Long... values) {
    Deque<Long> queue = new ArrayDeque<>(Arrays.asList(values));
    return () -> {
      Long next = queue.poll();
      if (next == null) {
        throw new AssertionError("asked for more ids than the test planned");
      }
      return next;
    };
  }

  @Test
  void aZeroIsDrawnAgain() {
    IdGenerator ids = values(0L, 0L, 7L, 0L, -3L);
    assertEquals(7L, ids.nextId());
    assertEquals(-3L, ids.nextId());
  }

  @Test
  void aRootSpanGetsNonZeroIdsFromASourceThatAnswersZero() {
    // Span id first, then the trace id's upper and lower halves; every first answer is zero.
    try (SpoorTracer tracer = SpoorTracer.builder("ids").reporter(new InMemoryReporter())
        .idGenerator(values(0L, 11L, 0L, 22L, 0L, 33L)).build()) {
      SpoorSpanContext context = ((SpoorSpan) tracer.buildSpan("root").start()).context();
      assertEquals(11L, context.spanId());
      assertEquals(22L, context.traceIdHigh());
      assertEquals(33L, context.traceIdLow());
    }
  }

  @Test
  void aChildSpanGetsANonZeroIdFromASourceThatAnswersZero() {
    try (SpoorTracer tracer = SpoorTracer.builder("ids").reporter(new InMemoryReporter())
        .idGenerator(values(5L, 1L, 6L, 0L, 0L, 9L)).build()) {
      SpoorSpan parent = (SpoorSpan) tracer.buildSpan("parent").start();
      SpoorSpanContext child = ((SpoorSpan) tracer.buildSpan("child").asChildOf(parent).start())
          .context();
      assertEquals(9L, child.spanId());
      assertEquals(5L, child.parentId());
      assertEquals(6L, child.traceIdLow());
    }
  }

  @Test
  void theDefaultSourceIsTheThreadsRandom() {
    try (SpoorTracer tracer = SpoorTracer.builder("ids").reporter(new InMemoryReporter()).build()) {
      assertEquals(IdGenerator.THREAD_LOCAL_RANDOM, tracer.idGenerator());
    }
  }
}
