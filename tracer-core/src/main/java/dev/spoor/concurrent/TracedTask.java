package dev.spoor.concurrent;

import io.opentracing.References;
import io.opentracing.Scope;
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
   * checks that the thread is back to {@code before}, its active span before the task ran.
   */
  final void end(Scope scope, Span span, Span before, Throwable error) {
    if (scope != null) {
      try {
        scope.close();
      } catch (RuntimeException e) {
        tracing.warnings.warn("Closing the scope of task {} failed: {}", origin(), e.toString());
      }
      Span after = tracing.activeSpan();
      if (after != before) {
        // The task activated a span and never closed its scope: the thread stays polluted
        // until that scope is closed, and only the task can do that.
        tracing.warnings.warn("Task {} left span {} active on thread {}; close every scope it opens",
            origin(), after, Thread.currentThread().getName());
      }
    }
    if (span != null) {
      finish(span, error);
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
