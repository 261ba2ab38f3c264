package dev.spoor.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spoor.SpoorTracer;
import dev.spoor.reporter.Reporter;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cost claims, measured in bytes allocated by this thread (not in time): nothing per task
 * without an active span, one small object with one.
 */
class CostTest {
  private static final int WRAPS = 100_000;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final SpoorTracer tracer = SpoorTracer.builder("cost").reporter(Reporter.NOOP).build();
  private final TaskTracing tasks = TaskTracing.create(tracer);
  private final Runnable task = () -> { };
  private volatile Runnable sink;

  @AfterEach
  void close() {
    tracer.close();
  }

  private long bytesPerWrap() {
    for (int i = 0; i < WRAPS; i++) {
      sink = tasks.wrap(task); // warm up
    }
    long before = THREADS.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < WRAPS; i++) {
      sink = tasks.wrap(task);
    }
    return (THREADS.getCurrentThreadAllocatedBytes() - before) / WRAPS;
  }

  @Test
  void wrappingWithoutAnActiveSpanAllocatesNothing() {
    assumeTrue(THREADS.isThreadAllocatedMemorySupported());
    // Deterministic, so it may be exact: the counter is this thread's own (JIT compilation and GC
    // allocate elsewhere), and a path that allocates nothing has nothing for a deoptimisation to
    // re-create. The division already forgives up to WRAPS - 1 stray bytes in total.
    long bytes = bytesPerWrap();
    assertEquals(0, bytes, bytes + " bytes per wrap");
  }

  @Test
  void wrappingUnderASpanAllocatesOneSmallObject() {
    assumeTrue(THREADS.isThreadAllocatedMemorySupported());
    Span parent = tracer.buildSpan("parent").start();
    long bytes;
    try (Scope ignored = tracer.activateSpan(parent)) {
      bytes = bytesPerWrap();
    }
    // A header and three references: 24 bytes with compressed pointers, 40 without.
    assertTrue(bytes <= 40, bytes + " bytes per wrap");
  }
}
