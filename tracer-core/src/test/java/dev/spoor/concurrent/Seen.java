package dev.spoor.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.spoor.FinishedSpan;
import io.opentracing.Span;
import io.opentracing.Tracer;
import org.slf4j.MDC;

/** What a task saw while it ran: the active span and the MDC ids, read on the task's thread. */
record Seen(Span active, String traceId, String spanId, String thread) {
  static Seen now(Tracer tracer) {
    return new Seen(tracer.activeSpan(), MDC.get("traceId"), MDC.get("spanId"),
        Thread.currentThread().getName());
  }

  /** The task ran with {@code span} active and its ids in the MDC. */
  void assertSaw(Span span) {
    assertSame(span, active, "active span on " + thread);
    assertEquals(span.context().toTraceId(), traceId, "MDC traceId on " + thread);
    assertEquals(span.context().toSpanId(), spanId, "MDC spanId on " + thread);
  }

  /** The task ran with the span that was later reported as {@code span} active. */
  void assertSaw(FinishedSpan span) {
    assertSame(span, active, "active span on " + thread);
    assertEquals(span.context().toTraceId(), traceId, "MDC traceId on " + thread);
    assertEquals(span.context().toSpanId(), spanId, "MDC spanId on " + thread);
  }

  /** The task ran with no span active and no trace ids in the MDC. */
  void assertSawNothing() {
    assertNull(active, "active span on " + thread);
    assertNull(traceId, "MDC traceId on " + thread);
    assertNull(spanId, "MDC spanId on " + thread);
  }
}
