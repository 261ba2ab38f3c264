package dev.spoor.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} binding every task, one-shot or periodic, to the span active
 * when it was scheduled. A periodic task's wrapper is activated afresh for each run.
 */
final class TracedScheduledExecutorService extends TracedExecutorService
    implements ScheduledExecutorService {
  private final ScheduledExecutorService scheduler;

  TracedScheduledExecutorService(TaskTracing tracing, ScheduledExecutorService scheduler) {
    super(tracing, scheduler);
    this.scheduler = scheduler;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return scheduler.schedule(tracing.wrap(command), delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return scheduler.schedule(tracing.wrap(callable), delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return scheduler.scheduleAtFixedRate(tracing.wrap(command), initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return scheduler.scheduleWithFixedDelay(tracing.wrap(command), initialDelay, delay, unit);
  }
}
