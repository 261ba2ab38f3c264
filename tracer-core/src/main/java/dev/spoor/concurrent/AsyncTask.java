package dev.spoor.concurrent;

import io.opentracing.Scope;
import io.opentracing.Span;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Completes a {@link TracedCompletableFuture} from a supplier or runnable, under the span active
 * when it was created. Unlike {@link TracedRunnable} it sees the application's exception before
 * the future swallows it, so a per-task span is error-tagged.
 */
final class AsyncTask<T> extends TracedTask implements Runnable {
  private final CompletableFuture<T> future;
  private final Supplier<? extends T> supplier; // null when running a Runnable
  private final Runnable runnable;

  private AsyncTask(TaskTracing tracing, Span parent, CompletableFuture<T> future,
      Supplier<? extends T> supplier, Runnable runnable) {
    super(tracing, parent);
    this.future = future;
    this.supplier = supplier;
    this.runnable = runnable;
  }

  static <T> AsyncTask<T> supplying(TaskTracing tracing, Span parent, CompletableFuture<T> future,
      Supplier<? extends T> supplier) {
    return new AsyncTask<>(tracing, parent, future, supplier, null);
  }

  static AsyncTask<Void> running(TaskTracing tracing, Span parent, CompletableFuture<Void> future,
      Runnable runnable) {
    return new AsyncTask<>(tracing, parent, future, null, runnable);
  }

  @Override
  Object origin() {
    return supplier != null ? supplier : runnable;
  }

  @Override
  public void run() {
    if (future.isDone()) {
      return; // cancelled or completed by hand before it ran
    }
    Object before = parent == null ? null : threadState();
    Span span = startSpan();
    Scope scope = activate(span != null ? span : parent);
    Throwable error = null;
    try {
      if (supplier != null) {
        future.complete(supplier.get());
      } else {
        runnable.run();
        future.complete(null);
      }
    } catch (Throwable t) {
      error = t;
      future.completeExceptionally(t);
    } finally {
      end(scope, span, before, error);
    }
  }
}
