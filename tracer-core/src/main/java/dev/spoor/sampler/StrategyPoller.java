package dev.spoor.sampler;

import dev.spoor.internal.BackgroundThread;
import dev.spoor.internal.LibraryLogger;
import dev.spoor.internal.RateLimitedLogger;
import dev.spoor.internal.HttpConnections;
import dev.spoor.internal.UntrustedText;
import dev.spoor.sampler.RateLimitingSampler.TokenBucket;
import dev.spoor.sampler.SamplingStrategyParser.InvalidStrategyException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The background half of a {@link RemoteSampler}: one daemon thread, {@code spoor-sampler}, asks
 * the source at once and then every refresh interval, turns each valid answer into the sampler to
 * publish (jaeger-client-java's update rules) and hands it to the remote sampler in one atomic
 * write. A failed poll changes nothing but the counters and a rate-limited warning. Nothing here
 * runs on an application thread except {@link #start()} and {@link #stop()}.
 */
final class StrategyPoller {
  private static final LibraryLogger LOG = LibraryLogger.of(RemoteSampler.class);

  private final RemoteSampler owner;
  private final StrategySource source;
  private final String serviceName;
  private final long intervalNanos;
  private final int maxOperations;
  private final TokenBucket.NanoClock clock;
  private final SamplerCounters counters;
  private final RateLimitedLogger warnings;
  private final Object pollLock = new Object(); // one poll at a time; never held by stop()
  private volatile boolean stopped;
  private volatile Thread thread; // written under this

  StrategyPoller(RemoteSampler owner, StrategySource source, String serviceName,
      long intervalNanos, int maxOperations, TokenBucket.NanoClock clock,
      SamplerCounters counters, long warningIntervalNanos) {
    this.owner = owner;
    this.source = source;
    this.serviceName = serviceName;
    this.intervalNanos = intervalNanos;
    this.maxOperations = maxOperations;
    this.clock = clock;
    this.counters = counters;
    this.warnings = new RateLimitedLogger(LOG, warningIntervalNanos, TimeUnit.NANOSECONDS);
  }

  /** Starts the thread, whose first poll happens at once. */
  synchronized void start() {
    if (stopped || thread != null) {
      return;
    }
    // Not the caller's thread-locals (an MDC with a request's trace id) nor its class loader.
    Thread poller = BackgroundThread.create("spoor-sampler", this::run);
    thread = poller;
    poller.start();
  }

  /**
   * Stops the thread, waiting for it at most a second. A poll in progress cannot be cut short
   * ({@code HttpURLConnection.disconnect} waits for a blocked read), so it may finish, within its
   * timeout, after this returns; then the thread ends without publishing.
   */
  void stop() {
    Thread poller;
    synchronized (this) {
      stopped = true;
      poller = thread;
    }
    if (poller == null || poller == Thread.currentThread()) {
      return;
    }
    LockSupport.unpark(poller);
    try {
      poller.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (!stopped) {
      pollOnce();
      long wakeAt = System.nanoTime() + intervalNanos;
      long remaining;
      while (!stopped && (remaining = wakeAt - System.nanoTime()) > 0) {
        Thread.interrupted(); // a stray interrupt would make parkNanos return at once, forever
        LockSupport.parkNanos(this, remaining);
      }
    }
  }

  /**
   * Asks once and applies a valid answer. Serialised, so that a test may call it while the thread
   * runs. Never throws.
   */
  void pollOnce() {
    synchronized (pollLock) {
      if (!stopped) {
        pollLocked();
      }
    }
  }

  private void pollLocked() {
    try {
      String answer;
      try {
        answer = source.fetch(serviceName);
      } catch (IOException e) {
        failed("query failed", e.toString());
        return;
      }
      SamplingStrategy strategy;
      try {
        strategy = SamplingStrategyParser.parse(answer);
      } catch (InvalidStrategyException e) {
        failed("answer is not a valid strategy", e.getMessage());
        return;
      }
      counters.queryOk();
      if (!stopped) {
        apply(strategy);
      }
    } catch (RuntimeException e) {
      // A bug, not the server's doing; still never the application's problem.
      counters.queryFailed();
      warnings.warn("Sampling strategy poll for {} failed unexpectedly, keeping {}",
          serviceName, owner.current(), e);
    }
  }

  private void failed(String what, String reason) {
    counters.queryFailed();
    warnings.warn("Sampling strategy from {} for {}: {}, keeping {}: {}", source, serviceName,
        what, owner.current(), UntrustedText.forLog(HttpConnections.withoutUserInfo(reason)));
  }

  /** Publishes the sampler for {@code strategy}, keeping state as jaeger-client-java does. */
  private void apply(SamplingStrategy strategy) {
    Sampler current = owner.current();
    Sampler next;
    boolean changed;
    switch (strategy.kind()) {
      case PROBABILISTIC:
        changed = !(current instanceof ProbabilisticSampler
            && ((ProbabilisticSampler) current).probability() == strategy.parameter());
        next = changed ? new ProbabilisticSampler(strategy.parameter()) : current;
        break;
      case RATE_LIMITING:
        // The same rate keeps the bucket, and so the credit it holds.
        changed = !(current instanceof RateLimitingSampler
            && ((RateLimitingSampler) current).tracesPerSecond() == strategy.parameter());
        next = changed ? new RateLimitingSampler(strategy.parameter(), clock) : current;
        break;
      default:
        PerOperationSampler.Update update = current instanceof PerOperationSampler
            ? ((PerOperationSampler) current).update(strategy)
            : PerOperationSampler.create(strategy, maxOperations, clock);
        next = update.sampler;
        changed = update.changed;
        if (update.operationsOverLimit > 0) {
          warnings.warn("Sampling strategy from {} for {} lists {} operations beyond the limit "
              + "of {}: they sample at the default probability", source, serviceName,
              update.operationsOverLimit, maxOperations);
        }
    }
    if (next != current) {
      owner.publish(next);
    }
    if (changed) {
      counters.strategyUpdated();
    }
  }

  /** True while the thread runs (for tests). */
  boolean isRunning() {
    Thread poller = thread;
    return poller != null && poller.isAlive();
  }
}
