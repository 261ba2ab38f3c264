package dev.spoor.concurrent;

import dev.spoor.scope.MdcScopeManager;
import dev.spoor.scope.ScopeMark;
import io.opentracing.References;
import io.opentracing.Scope;
import io.opentracing.ScopeManager;
import io.opentracing.Span;
import io.opentracing.tag.Tags;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task bound to the span that was active when it was submitted. Subclasses run their delegate
 * between {@link #startSpan()}/{@link #activate} and {@link #end}, keeping per-run state in locals
 * so that one wrapper can run many times (periodic tasks) or on several threads at once.
 *
 * <p>Tracing failures (a foreign scope manager or span builder throwing) are logged, rate-limited,
 * and the task still runs: they never reach the application.
 */
abstract class TracedTask {
  /** The {@code component} tag of per-task spans. */
  static final String COMPONENT = "spoor-concurrent";

  final TaskTracing tracing;
  final Span parent; // null only for AsyncTask submitted without an active span

  TracedTask(TaskTracing tracing, Span parent) {
    this.tracing = tracing;
    this.parent = parent;
  }

  /** The application's own task object: names the span and the task in warnings. */
  abstract Object origin();

  /** A new span following from the parent when the tracing asks for one, else null. */
  final Span startSpan() {
    if (!tracing.spanPerTask || parent == null) {
      return null;
    }
    try {
      return tracing.tracer.buildSpan(tracing.names.of(origin()))
          .addReference(References.FOLLOWS_FROM, parent.context())
          .ignoreActiveSpan()
          .withTag(Tags.COMPONENT, COMPONENT)
          .start();
    } catch (RuntimeException e) {
      tracing.warnings.warn("Starting a span for task {} failed: {}", origin(), e.toString());
      return null;
    }
  }

  /**
   * What {@link #end} needs to bring this thread back to where it was before the task: a mark of
   * the scope stack with Spoor's scope manager, else the active span (only checked, then).
   */
  final Object threadState() {
    ScopeManager manager = tracing.tracer.scopeManager();
    if (manager instanceof MdcScopeManager) {
      return ((MdcScopeManager) manager).capture();
    }
    return tracing.activeSpan();
  }

  /** Activates {@code span} on this thread; null when there is nothing to activate or it failed. */
  final Scope activate(Span span) {
    if (span == null) {
      return null;
    }
    try {
      return tracing.tracer.scopeManager().activate(span);
    } catch (RuntimeException e) {
      tracing.warnings.warn("Activating the span of task {} failed: {}", origin(), e.toString());
      return null;
    }
  }

  /**
   * Closes {@code scope}, finishes {@code span} (error-tagged when {@code error} is not null), and
   * brings the thread back to {@code before} (from {@link #threadState()}): with Spoor's scope
   * manager, scopes the task left open are closed, so no span stays active on a pooled thread;
   * with another, a leak is only reported, as only the task can close its scopes there.
   */
  final void end(Scope scope, Span span, Object before, Throwable error) {
    if (scope != null) {
      try {
        scope.close();
      } catch (RuntimeException e) {
        tracing.warnings.warn("Closing the scope of task {} failed: {}", origin(), e.toString());
      }
      ScopeManager manager = tracing.tracer.scopeManager();
      if (manager instanceof MdcScopeManager) {
        restore((MdcScopeManager) manager, (ScopeMark) before);
      } else {
        Span after = tracing.activeSpan();
        if (after != before) {
          tracing.warnings.warn("Task {} left span {} active on thread {}; close every scope it "
              + "opens", origin(), after, Thread.currentThread().getName());
        }
      }
    }
    if (span != null) {
      finish(span, error);
    }
  }

  private void restore(MdcScopeManager manager, ScopeMark before) {
    try {
      int leaked = manager.restore(before);
      if (leaked > 0) {
        tracing.warnings.warn("Task {} left {} scopes open on thread {}; closed them, but close "
            + "every scope it opens", origin(), leaked, Thread.currentThread().getName());
      }
    } catch (RuntimeException e) {
      tracing.warnings.warn("Restoring the scopes after task {} failed: {}", origin(), e.toString());
    }
  }

  private void finish(Span span, Throwable error) {
    try {
      if (error != null) {
        Tags.ERROR.set(span, true);
        Map<String, Object> fields = new LinkedHashMap<>(4);
        fields.put("event", Tags.ERROR.getKey());
        fields.put("error.kind", error.getClass().getName());
        String message = error.getMessage();
        if (message != null) {
          fields.put("message", message);
        }
        span.log(fields);
      }
      span.finish();
    } catch (RuntimeException e) {
      tracing.warnings.warn("Finishing the span of task {} failed: {}", origin(), e.toString());
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + origin() + " in " + parent + "}";
  }
}
