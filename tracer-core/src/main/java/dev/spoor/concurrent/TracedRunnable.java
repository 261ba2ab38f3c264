package dev.spoor.concurrent;

import io.opentracing.Scope;
import io.opentracing.Span;

/** A {@link Runnable} that runs under the span active when it was submitted. */
final class TracedRunnable extends TracedTask implements Runnable {
  final Runnable delegate;

  TracedRunnable(TaskTracing tracing, Span parent, Runnable delegate) {
    super(tracing, parent);
    this.delegate = delegate;
  }

  @Override
  Object origin() {
    return delegate;
  }

  @Override
  public void run() {
    Object before = threadState();
    Span span = startSpan();
    Scope scope = activate(span != null ? span : parent);
    Throwable error = null;
    try {
      delegate.run();
    } catch (Throwable t) {
      error = t;
      throw t;
    } finally {
      end(scope, span, before, error);
    }
  }
}
