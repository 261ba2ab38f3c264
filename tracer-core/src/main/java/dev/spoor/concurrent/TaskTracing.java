package dev.spoor.concurrent;

import dev.spoor.internal.LibraryLogger;
import dev.spoor.internal.RateLimitedLogger;
import io.opentracing.Span;
import io.opentracing.Tracer;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Carries a tracer's active span from the thread that submits work to the thread that runs it.
 *
 * <p>A task is bound to the span active when it is wrapped (or submitted to a wrapped executor).
 * While it runs, that span is activated through the tracer's {@link io.opentracing.ScopeManager},
 * so log lines written by the task carry its MDC ids; when it returns or throws, the worker
 * thread's previous active span and MDC are restored. When no span is active, the task is returned
 * unwrapped and costs nothing.
 *
 * <pre>{@code
 * TaskTracing tasks = TaskTracing.create(tracer);
 * ExecutorService pool = tasks.executorService(Executors.newFixedThreadPool(4));
 * CompletableFuture<Order> order = tasks.supplyAsync(() -> load(id), pool);
 * }</pre>
 *
 * <p>With {@link Builder#spanPerTask(boolean)} each task also runs in a span of its own that
 * {@code follows_from} the submitting span and is finished (error-tagged if the task throws) when
 * the task ends. Thread-safe and immutable; build one per tracer and share it.
 */
public final class TaskTracing {
  private static final LibraryLogger LOG = LibraryLogger.of(TaskTracing.class);

  final Tracer tracer;
  final boolean spanPerTask;
  final TaskNames names;
  final RateLimitedLogger warnings = new RateLimitedLogger(LOG, 10, TimeUnit.SECONDS);

  private TaskTracing(Builder builder) {
    this.tracer = builder.tracer;
    this.spanPerTask = builder.spanPerTask;
    this.names = new TaskNames(builder.operationName, warnings);
  }

  /**
   * Carries {@code tracer}'s active span into tasks, without spans of their own.
   *
   * @throws NullPointerException when {@code tracer} is null
   */
  public static TaskTracing create(Tracer tracer) {
    return builder(tracer).build();
  }

  /**
   * A builder for task tracing with {@code tracer}; by default tasks only carry the context.
   *
   * @throws NullPointerException when {@code tracer} is null
   */
  public static Builder builder(Tracer tracer) {
    return new Builder(tracer);
  }

  /** The tracer whose active span is carried. */
  public Tracer tracer() {
    return tracer;
  }

  /**
   * {@code task} bound to the active span, or {@code task} itself when no span is active or it is
   * already bound.
   */
  public Runnable wrap(Runnable task) {
    if (task == null) {
      throw new NullPointerException("task == null");
    }
    if (task instanceof TracedTask) {
      return task;
    }
    Span parent = activeSpan();
    return parent == null ? task : new TracedRunnable(this, parent, task);
  }

  /**
   * {@code task} bound to the active span, or {@code task} itself when no span is active or it is
   * already bound.
   */
  public <V> Callable<V> wrap(Callable<V> task) {
    if (task == null) {
      throw new NullPointerException("task == null");
    }
    if (task instanceof TracedCallable) {
      return task;
    }
    Span parent = activeSpan();
    return parent == null ? task : new TracedCallable<>(this, parent, task);
  }

  /** An executor that binds each command to the span active when it is executed. */
  public Executor executor(Executor delegate) {
    if (delegate == null) {
      throw new NullPointerException("delegate == null");
    }
    return delegate instanceof TracedExecutor ? delegate : new TracedExecutor(this, delegate);
  }

  /**
   * An executor service that binds every task given to {@code execute}, {@code submit},
   * {@code invokeAll} and {@code invokeAny} to the span active at that call. Works for a
   * {@link ForkJoinPool} too (tasks given to the wrapper are traced; {@code fork()} calls inside a
   * running task bypass it). Shutting the wrapper down shuts {@code delegate} down; an executor
   * that is already traced is returned unchanged, so no task is bound twice.
   */
  public ExecutorService executorService(ExecutorService delegate) {
    if (delegate == null) {
      throw new NullPointerException("delegate == null");
    }
    return delegate instanceof TracedExecutorService
        ? delegate : new TracedExecutorService(this, delegate);
  }

  /**
   * A scheduled executor service that binds every task, one-shot or periodic, to the span active
   * when it was scheduled; each run of a periodic task is activated (and, with
   * {@link Builder#spanPerTask}, spanned) separately.
   */
  public ScheduledExecutorService scheduledExecutorService(ScheduledExecutorService delegate) {
    if (delegate == null) {
      throw new NullPointerException("delegate == null");
    }
    return delegate instanceof TracedScheduledExecutorService
        ? delegate : new TracedScheduledExecutorService(this, delegate);
  }

  /**
   * Like {@link CompletableFuture#supplyAsync(Supplier, Executor)}, with {@code supplier} and every
   * {@code *Async} stage derived from the result that does not name an executor running on
   * {@code executor} under the span active now.
   */
  public <T> CompletableFuture<T> supplyAsync(Supplier<T> supplier, Executor executor) {
    if (supplier == null) {
      throw new NullPointerException("supplier == null");
    }
    Span parent = activeSpan();
    TracedCompletableFuture<T> future = newFuture(parent, executor);
    future.plainExecutor().execute(AsyncTask.supplying(this, parent, future, supplier));
    return future;
  }

  /** {@link #supplyAsync(Supplier, Executor)} on the {@link ForkJoinPool#commonPool()}. */
  public <T> CompletableFuture<T> supplyAsync(Supplier<T> supplier) {
    return supplyAsync(supplier, ForkJoinPool.commonPool());
  }

  /**
   * Like {@link CompletableFuture#runAsync(Runnable, Executor)}, with {@code task} and every
   * {@code *Async} stage derived from the result that does not name an executor running on
   * {@code executor} under the span active now.
   */
  public CompletableFuture<Void> runAsync(Runnable task, Executor executor) {
    if (task == null) {
      throw new NullPointerException("task == null");
    }
    Span parent = activeSpan();
    TracedCompletableFuture<Void> future = newFuture(parent, executor);
    future.plainExecutor().execute(AsyncTask.running(this, parent, future, task));
    return future;
  }

  /** {@link #runAsync(Runnable, Executor)} on the {@link ForkJoinPool#commonPool()}. */
  public CompletableFuture<Void> runAsync(Runnable task) {
    return runAsync(task, ForkJoinPool.commonPool());
  }

  /**
   * An incomplete future, for code that completes it by hand (a promise), whose {@code *Async}
   * stages without an executor argument run on {@code executor} under the span active now, or
   * under the span active where they are dispatched when none is active now. Every future derived
   * from it behaves the same way.
   */
  public <T> CompletableFuture<T> completableFuture(Executor executor) {
    return newFuture(activeSpan(), executor);
  }

  private <T> TracedCompletableFuture<T> newFuture(Span parent, Executor executor) {
    if (executor == null) {
      throw new NullPointerException("executor == null");
    }
    // Unwrap our own executors: the future's stages are bound below, never twice.
    Executor plain = executor instanceof TracedExecutor
        ? ((TracedExecutor) executor).delegate : executor;
    return new TracedCompletableFuture<>(parent == null
        ? new TracedExecutor(this, plain) : new SpanBoundExecutor(this, parent, plain), plain);
  }

  /** The active span, or null; a failing tracer counts as "no span" and never throws here. */
  Span activeSpan() {
    try {
      return tracer.activeSpan();
    } catch (RuntimeException e) {
      warnings.warn("Reading the active span of {} failed: {}", tracer, e.toString());
      return null;
    }
  }

  @Override
  public String toString() {
    return "TaskTracing{" + tracer + (spanPerTask ? ", span per task}" : "}");
  }

  /** Configures {@link TaskTracing}; defaults: no span per task, names from the task's class. */
  public static final class Builder {
    private final Tracer tracer;
    private boolean spanPerTask;
    private Function<Object, String> operationName;

    Builder(Tracer tracer) {
      if (tracer == null) {
        throw new NullPointerException("tracer == null");
      }
      this.tracer = tracer;
    }

    /**
     * When true, each task runs in a new span that {@code follows_from} the span active at
     * submission, started when the task starts and finished when it ends; default false.
     */
    public Builder spanPerTask(boolean spanPerTask) {
      this.spanPerTask = spanPerTask;
      return this;
    }

    /**
     * Names the span of each task from the task object the application gave (its
     * {@code Runnable}, {@code Callable} or {@code Supplier}); default: the task class's simple
     * name, or its enclosing class's for lambdas. A null result or an exception falls back to the
     * default.
     */
    public Builder operationName(Function<Object, String> operationName) {
      if (operationName == null) {
        throw new NullPointerException("operationName == null");
      }
      this.operationName = operationName;
      return this;
    }

    /** The configured task tracing. */
    public TaskTracing build() {
      return new TaskTracing(this);
    }
  }
}
