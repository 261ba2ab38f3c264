package dev.spoor.concurrent;

import io.opentracing.Span;
import java.util.concurrent.Executor;

/**
 * Runs every command under one fixed span: the default executor of a {@link
 * TracedCompletableFuture} chain, so that its {@code *Async} stages run under the span that started
 * the chain whichever thread completes the previous stage.
 */
final class SpanBoundExecutor implements Executor {
  private final TaskTracing tracing;
  private final Span span;
  private final Executor delegate;

  SpanBoundExecutor(TaskTracing tracing, Span span, Executor delegate) {
    this.tracing = tracing;
    this.span = span;
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable command) {
    if (command == null) {
      throw new NullPointerException("command == null");
    }
    delegate.execute(command instanceof TracedTask
        ? command : new TracedRunnable(tracing, span, command));
  }

  @Override
  public String toString() {
    return "SpanBoundExecutor{" + span + " on " + delegate + "}";
  }
}
