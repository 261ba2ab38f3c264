package dev.spoor.concurrent;

import io.opentracing.Scope;
import io.opentracing.Span;
import java.util.concurrent.Callable;

/** A {@link Callable} that runs under the span active when it was submitted. */
final class TracedCallable<V> extends TracedTask implements Callable<V> {
  private final Callable<V> delegate;

  TracedCallable(TaskTracing tracing, Span parent, Callable<V> delegate) {
    super(tracing, parent);
    this.delegate = delegate;
  }

  @Override
  Object origin() {
    return delegate;
  }

  @Override
  public V call() throws Exception {
    Object before = threadState();
    Span span = startSpan();
    Scope scope = activate(span != null ? span : parent);
    Throwable error = null;
    try {
      return delegate.call();
    } catch (Throwable t) {
      error = t;
      throw t;
    } finally {
      end(scope, span, before, error);
    }
  }
}
