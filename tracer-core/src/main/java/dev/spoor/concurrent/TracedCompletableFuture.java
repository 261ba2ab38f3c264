package dev.spoor.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A {@link CompletableFuture} whose {@code *Async} stages without an executor argument run on a
 * traced executor, and whose derived futures do the same (through {@link #newIncompleteFuture()}).
 */
final class TracedCompletableFuture<T> extends CompletableFuture<T> {
  private final Executor tracedExecutor;
  private final Executor plainExecutor;

  TracedCompletableFuture(Executor tracedExecutor, Executor plainExecutor) {
    this.tracedExecutor = tracedExecutor;
    this.plainExecutor = plainExecutor;
  }

  @Override
  public Executor defaultExecutor() {
    return tracedExecutor;
  }

  /** The executor underneath, for tasks that carry their own span. */
  Executor plainExecutor() {
    return plainExecutor;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new TracedCompletableFuture<>(tracedExecutor, plainExecutor);
  }
}
