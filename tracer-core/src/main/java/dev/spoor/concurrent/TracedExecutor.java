package dev.spoor.concurrent;

import java.util.concurrent.Executor;

/** An {@link Executor} binding each command to the span active when it is executed. */
class TracedExecutor implements Executor {
  final TaskTracing tracing;
  final Executor delegate;

  TracedExecutor(TaskTracing tracing, Executor delegate) {
    this.tracing = tracing;
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable command) {
    delegate.execute(tracing.wrap(command));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + delegate + "}";
  }
}
