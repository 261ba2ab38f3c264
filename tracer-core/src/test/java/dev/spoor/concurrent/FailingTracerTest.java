package dev.spoor.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorTracer;
import dev.spoor.reporter.InMemoryReporter;
import io.opentracing.Scope;
import io.opentracing.ScopeManager;
import io.opentracing.Span;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A broken scope manager is the tracer's problem: the application's task still runs. */
class FailingTracerTest {
  private final InMemoryReporter reporter = new InMemoryReporter();

  private static final class BrokenScopeManager implements ScopeManager {
    Span active;
    boolean failActiveSpan;

    @Override
    public Scope activate(Span span) {
      throw new IllegalStateException("cannot activate");
    }

    @Override
    public Span activeSpan() {
      if (failActiveSpan) {
        throw new IllegalStateException("cannot read");
      }
      return active;
    }
  }

  @Test
  void aTaskStillRunsAndIsSpannedWhenActivationThrows() {
    BrokenScopeManager broken = new BrokenScopeManager();
    try (SpoorTracer tracer = SpoorTracer.builder("svc").reporter(reporter)
        .scopeManager(broken).build()) {
      broken.active = tracer.buildSpan("parent").ignoreActiveSpan().start();
      TaskTracing tasks = TaskTracing.builder(tracer).spanPerTask(true)
          .operationName(task -> "task").build();
      AtomicBoolean ran = new AtomicBoolean();
      tasks.wrap((Runnable) () -> ran.set(true)).run();
      assertTrue(ran.get());
      assertEquals(1, reporter.size());
      TracingFixture.assertFollowsFrom(broken.active, reporter.spans().get(0));
    }
  }

  @Test
  void aTaskIsLeftUnwrappedWhenTheActiveSpanCannotBeRead() {
    BrokenScopeManager broken = new BrokenScopeManager();
    broken.failActiveSpan = true;
    try (SpoorTracer tracer = SpoorTracer.builder("svc").reporter(reporter)
        .scopeManager(broken).build()) {
      Runnable task = () -> { };
      assertSame(task, TaskTracing.create(tracer).wrap(task));
    }
  }
}
