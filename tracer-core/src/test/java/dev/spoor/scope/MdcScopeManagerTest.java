package dev.spoor.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spoor.SpoorTracer;
import dev.spoor.sampler.ConstSampler;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class MdcScopeManagerTest {
  private SpoorTracer tracer;

  @BeforeEach
  void startTracer() {
    MDC.clear();
    tracer = SpoorTracer.builder("scope-test").build();
  }

  @AfterEach
  void closeTracer() {
    tracer.close();
    MDC.clear();
  }

  private Span span(String name) {
    return tracer.buildSpan(name).ignoreActiveSpan().start();
  }

  private static void assertMdcNames(Span span) {
    assertEquals(span.context().toTraceId(), MDC.get("traceId"));
    assertEquals(span.context().toSpanId(), MDC.get("spanId"));
    assertEquals("true", MDC.get("sampled"));
  }

  @Test
  void activatingASpanMakesItActiveAndWritesTheMdc() {
    Span span = span("op");
    try (Scope ignored = tracer.activateSpan(span)) {
      assertSame(span, tracer.activeSpan());
      assertMdcNames(span);
    }
    assertNull(tracer.activeSpan());
    assertNull(MDC.get("traceId"));
    assertNull(MDC.get("spanId"));
    assertNull(MDC.get("sampled"));
  }

  @Test
  void closingANestedScopeRestoresTheOuterSpanAndItsMdc() {
    Span outer = span("outer");
    Span inner = span("inner");
    try (Scope outerScope = tracer.activateSpan(outer)) {
      try (Scope innerScope = tracer.activateSpan(inner)) {
        assertSame(inner, tracer.activeSpan());
        assertMdcNames(inner);
      }
      assertSame(outer, tracer.activeSpan());
      assertMdcNames(outer);
    }
    assertNull(tracer.activeSpan());
  }

  @Test
  void restoresMdcValuesTheApplicationSetBefore() {
    MDC.put("traceId", "from-the-app");
    try (Scope ignored = tracer.activateSpan(span("op"))) {
      assertEquals(32, MDC.get("traceId").length());
    }
    assertEquals("from-the-app", MDC.get("traceId"));
  }

  @Test
  void closingOutOfOrderKeepsTheStackConsistent() {
    Span a = span("a");
    Span b = span("b");
    Span c = span("c");
    Scope scopeA = tracer.activateSpan(a);
    Scope scopeB = tracer.activateSpan(b);
    Scope scopeC = tracer.activateSpan(c);

    scopeB.close(); // out of order: c stays active
    assertSame(c, tracer.activeSpan());
    assertMdcNames(c);

    scopeC.close(); // unwinds c and the already closed b
    assertSame(a, tracer.activeSpan());
    assertMdcNames(a);

    scopeA.close();
    assertNull(tracer.activeSpan());
    assertNull(MDC.get("traceId"));
  }

  @Test
  void closingTheSameScopeTwiceDoesNotCloseTheOuterOne() {
    Span outer = span("outer");
    try (Scope ignored = tracer.activateSpan(outer)) {
      Scope inner = tracer.activateSpan(span("inner"));
      inner.close();
      inner.close();
      assertSame(outer, tracer.activeSpan());
      assertMdcNames(outer);
    }
  }

  @Test
  void aScopeClosedOnAnotherThreadIsDroppedByItsOwnerThread() throws Exception {
    Span outer = span("outer");
    Span inner = span("inner");
    try (Scope ignored = tracer.activateSpan(outer)) {
      Scope innerScope = tracer.activateSpan(inner);
      Thread closer = new Thread(innerScope::close);
      closer.start();
      closer.join(10_000);
      assertFalse(closer.isAlive());
      assertSame(outer, tracer.activeSpan());
      assertMdcNames(outer);
    }
    assertNull(tracer.activeSpan());
    assertNull(MDC.get("spanId"));
  }

  @Test
  void eachThreadSeesItsOwnActiveSpanAndMdc() throws Exception {
    int threads = 4;
    CyclicBarrier allActive = new CyclicBarrier(threads);
    List<Thread> workers = new ArrayList<>();
    List<AtomicReference<Throwable>> failures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      failures.add(failure);
      Thread worker = new Thread(() -> {
        try {
          assertNull(tracer.activeSpan());
          assertNull(MDC.get("traceId"));
          Span mine = span("work");
          try (Scope ignored = tracer.activateSpan(mine)) {
            allActive.await(10, TimeUnit.SECONDS); // every thread has its own span active now
            assertSame(mine, tracer.activeSpan());
            assertMdcNames(mine);
          }
          assertNull(tracer.activeSpan());
          assertNull(MDC.get("traceId"));
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join(10_000);
      assertFalse(worker.isAlive());
    }
    for (AtomicReference<Throwable> failure : failures) {
      if (failure.get() != null) {
        throw new AssertionError(failure.get());
      }
    }
  }

  @Test
  void aSpanActivatedOnOneThreadIsNotActiveOnAnother() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<Span> seen = new AtomicReference<>(span("sentinel"));
    try (Scope ignored = tracer.activateSpan(span("op"))) {
      Thread other = new Thread(() -> {
        seen.set(tracer.activeSpan());
        done.countDown();
      });
      other.start();
      done.await(10, TimeUnit.SECONDS);
      other.join(10_000);
    }
    assertNull(seen.get());
  }

  @Test
  void writesSampledFalseForAnUnsampledSpan() {
    try (SpoorTracer unsampled = SpoorTracer.builder("svc")
        .sampler(new ConstSampler(false)).build()) {
      Span span = unsampled.buildSpan("op").start();
      try (Scope ignored = unsampled.activateSpan(span)) {
        assertEquals("false", MDC.get("sampled"));
        assertEquals(span.context().toTraceId(), MDC.get("traceId"));
      }
    }
  }

  @Test
  void usesCustomMdcKeys() {
    try (SpoorTracer custom = SpoorTracer.builder("svc")
        .scopeManager(new MdcScopeManager("traceID", "spanID", "traceSampled")).build()) {
      Span span = custom.buildSpan("op").start();
      try (Scope ignored = custom.activateSpan(span)) {
        assertEquals(span.context().toTraceId(), MDC.get("traceID"));
        assertEquals(span.context().toSpanId(), MDC.get("spanID"));
        assertEquals("true", MDC.get("traceSampled"));
        assertNull(MDC.get("traceId"));
      }
      assertNull(MDC.get("traceID"));
    }
  }

  @Test
  void withoutMdcLeavesTheMdcAlone() {
    try (SpoorTracer quiet = SpoorTracer.builder("svc")
        .scopeManager(MdcScopeManager.withoutMdc()).build()) {
      Span span = quiet.buildSpan("op").start();
      try (Scope ignored = quiet.activateSpan(span)) {
        assertSame(span, quiet.activeSpan());
        assertEquals(Map.of(), MDC.getCopyOfContextMap() == null
            ? Map.of() : MDC.getCopyOfContextMap());
      }
    }
  }

  @Test
  void restoringAMarkClosesOnlyTheScopesOpenedSinceAndRestoresTheMdc() {
    MdcScopeManager manager = (MdcScopeManager) tracer.scopeManager();
    Span outer = span("outer");
    try (Scope kept = tracer.activateSpan(outer)) {
      ScopeMark mark = manager.capture();
      tracer.activateSpan(span("leaked-1"));
      Scope closedOutOfOrder = tracer.activateSpan(span("leaked-2"));
      tracer.activateSpan(span("leaked-3"));
      closedOutOfOrder.close();

      assertEquals(2, manager.restore(mark));

      assertSame(outer, tracer.activeSpan());
      assertMdcNames(outer);
      assertEquals(0, manager.restore(mark), "nothing left to close");
    }
    assertNull(tracer.activeSpan());
    assertNull(MDC.get("traceId"));
  }

  @Test
  void restoringTheMarkOfAnEmptyStackLeavesNoSpanAndACleanMdc() {
    MdcScopeManager manager = (MdcScopeManager) tracer.scopeManager();
    ScopeMark mark = manager.capture();
    tracer.activateSpan(span("leaked"));
    assertEquals(1, manager.restore(mark));
    assertNull(tracer.activeSpan());
    assertEquals(Map.of(), MDC.getCopyOfContextMap() == null ? Map.of()
        : MDC.getCopyOfContextMap());
  }

  @Test
  void aMarkOfAnotherManagerIsRejected() {
    MdcScopeManager manager = (MdcScopeManager) tracer.scopeManager();
    MdcScopeManager other = new MdcScopeManager();
    try (Scope ignored = other.activate(span("elsewhere"))) {
      ScopeMark foreign = other.capture();
      assertThrows(IllegalArgumentException.class, () -> manager.restore(foreign));
    }
  }
}
