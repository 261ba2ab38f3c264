package dev.spoor.concurrent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An {@link ExecutorService} binding every task to the span active when it is handed over;
 * lifecycle calls go straight to the delegate.
 */
class TracedExecutorService extends TracedExecutor implements ExecutorService {
  final ExecutorService service;

  TracedExecutorService(TaskTracing tracing, ExecutorService service) {
    super(tracing, service);
    this.service = service;
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    return service.submit(tracing.wrap(task));
  }

  @Override
  public <T> Future<T> submit(Runnable task, T result) {
    return service.submit(tracing.wrap(task), result);
  }

  @Override
  public Future<?> submit(Runnable task) {
    return service.submit(tracing.wrap(task));
  }

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    return service.invokeAll(wrapAll(tasks));
  }

  @Override
  public <T> List<Future<T>> invokeAll(
      Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException {
    return service.invokeAll(wrapAll(tasks), timeout, unit);
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
      throws InterruptedException, ExecutionException {
    return service.invokeAny(wrapAll(tasks));
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return service.invokeAny(wrapAll(tasks), timeout, unit);
  }

  private <T> Collection<? extends Callable<T>> wrapAll(Collection<? extends Callable<T>> tasks) {
    if (tasks == null || tracing.activeSpan() == null) {
      return tasks; // the delegate reports a null collection its own way
    }
    List<Callable<T>> wrapped = new ArrayList<>(tasks.size());
    for (Callable<T> task : tasks) {
      wrapped.add(tracing.wrap(task));
    }
    return wrapped;
  }

  @Override
  public void shutdown() {
    service.shutdown();
  }

  /** The tasks that never ran; commands given to {@code execute} come back unwrapped. */
  @Override
  public List<Runnable> shutdownNow() {
    List<Runnable> pending = service.shutdownNow();
    for (int i = 0; i < pending.size(); i++) {
      Runnable task = pending.get(i);
      if (task instanceof TracedRunnable) {
        pending.set(i, ((TracedRunnable) task).delegate);
      }
    }
    return pending;
  }

  @Override
  public boolean isShutdown() {
    return service.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return service.isTerminated();
  }

  /**
   * Java 19's {@code ExecutorService.close()}, declared without {@code @Override} so this class
   * still compiles for Java 11. Delegating matters: the interface's default would shut down and
   * wait on this wrapper, forever for the common pool, which never terminates.
   */
  public void close() {
    if (service == ForkJoinPool.commonPool()) {
      return;
    }
    if (service instanceof AutoCloseable) {
      try {
        ((AutoCloseable) service).close();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("closing " + service + " failed", e);
      }
      return;
    }
    shutdown();
    boolean interrupted = false;
    while (!isTerminated()) {
      try {
        awaitTermination(1, TimeUnit.DAYS);
      } catch (InterruptedException e) {
        if (!interrupted) {
          shutdownNow();
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return service.awaitTermination(timeout, unit);
  }
}
