package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import dev.spoor.internal.BackgroundThread;
import dev.spoor.internal.LibraryLogger;
import dev.spoor.internal.RateLimitedLogger;
import dev.spoor.metrics.SpoorMetrics;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Reports finished spans through a {@link Sender}: by default a {@link UdpSender} to a Jaeger
 * agent; {@link JaegerHttpSender} for a Jaeger collector, {@link OtlpHttpSender} for any OTLP
 * backend (Jaeger v2, Grafana Tempo, an OpenTelemetry Collector, a vendor).
 *
 * <p>{@link #report} puts the span on a bounded lock-free queue and returns: it never blocks,
 * locks or does I/O on the application's thread; when the queue is full the span is dropped and
 * counted. One daemon thread, {@code spoor-reporter}, encodes queued spans in the sender's wire
 * format into messages of at most its maximum size ({@link SpanBatcher}), and sends a message
 * when it is full, and whatever it holds every flush interval or on {@link #flush()}.
 * {@link #close()} sends everything queued before it, within the close timeout.
 *
 * <p>Every reported span is counted exactly once in the reporter's {@link SpoorMetrics}: sent, or
 * dropped because the queue was full, it was reported after close, it was too large, its
 * message could not be sent, or the backend rejected it. A tracer built with this reporter shows
 * these counters in its own {@code metrics()} ({@link #counters()}).
 */
public final class RemoteReporter implements Reporter {
  private static final LibraryLogger LOG = LibraryLogger.of(RemoteReporter.class);
  /** Send and encoding failures are logged at most once per this interval. */
  static final long WARN_INTERVAL_MILLIS = 10_000;
  /**
   * The most spans that wake the reporter's thread early, whatever the queue's size: about two
   * datagrams of typical spans, so a large queue keeps most of its room for bursts that come
   * while the woken thread waits for a core.
   */
  static final int MAX_WAKE_THRESHOLD = 1024;

  private final SpanQueue queue;
  private final ReporterCounters counters;
  private final int wakeThreshold;
  private final long closeTimeoutMillis;
  private final String description;
  private final RetryPolicy retries;
  private final Thread worker;
  private final Object flushLock = new Object();
  private volatile long flushesRequested; // written under flushLock
  private volatile long flushesDone; // written by the worker under flushLock
  /** True while the worker sleeps; the producer that sets it false is the one that wakes it. */
  private final AtomicBoolean workerAsleep = new AtomicBoolean();
  private volatile boolean closeRequested;

  private RemoteReporter(Builder builder, Sender sender) {
    this.queue = new SpanQueue(builder.maxQueueSize);
    this.counters = new ReporterCounters(
        builder.metrics != null ? builder.metrics : new SpoorMetrics());
    this.wakeThreshold = wakeThreshold(builder.maxQueueSize);
    this.closeTimeoutMillis = builder.closeTimeoutMillis;
    this.description = "RemoteReporter{sender=" + sender + ", maxQueueSize="
        + builder.maxQueueSize + ", flushIntervalMillis=" + builder.flushIntervalMillis + "}";
    this.retries = new RetryPolicy(builder.maxSendAttempts);
    SpanBatcher batcher = new SpanBatcher(sender, counters, retries);
    counters.queueLength(queue::size);
    this.worker = BackgroundThread.create("spoor-reporter",
        new Worker(batcher, TimeUnit.MILLISECONDS.toNanos(builder.flushIntervalMillis)));
    worker.start();
  }

  /**
   * Waking the thread costs both sides a system call and a context switch (~10 µs each on a
   * loaded VM), so it is woken in batches: when the queue holds a quarter of its size (at least
   * one span, so a tiny queue still wakes it), at most {@value #MAX_WAKE_THRESHOLD} spans, and
   * otherwise drains at the flush interval.
   */
  static int wakeThreshold(int maxQueueSize) {
    return Math.max(1, Math.min(maxQueueSize / 4, MAX_WAKE_THRESHOLD));
  }

  /** A builder with the defaults listed on {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The counters this reporter writes to: the builder's, or its own when none was given. */
  public SpoorMetrics metrics() {
    return counters.metrics();
  }

  /** This reporter's counters ({@link #metrics()}), for the tracer's {@code metrics()}. */
  @Override
  public List<SpoorMetrics> counters() {
    return Collections.singletonList(counters.metrics());
  }

  @Override
  public void report(FinishedSpan span) {
    if (span == null) {
      return; // not a span: nothing to send or count
    }
    long length = queue.offer(span);
    if (length < 0) {
      if (queue.isClosed()) {
        counters.afterClose(1);
      } else {
        counters.queueFull();
      }
    } else if (length >= wakeThreshold && workerAsleep.get()
        && workerAsleep.compareAndSet(true, false)) {
      LockSupport.unpark(worker); // once per sleep: the other producers saw the flag cleared
    }
  }

  /**
   * Sends every span reported before this call now, rather than at the flush interval, and waits
   * for it, at most the close timeout. Spans a retrying sender still holds when the wait ends go
   * on in the background.
   *
   * @return true when every such span was sent or counted as dropped within the wait
   */
  public boolean flush() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(closeTimeoutMillis);
    if (closeRequested) {
      awaitWorker(deadline);
      return !worker.isAlive();
    }
    long ticket;
    synchronized (flushLock) {
      ticket = ++flushesRequested;
    }
    LockSupport.unpark(worker);
    synchronized (flushLock) {
      while (flushesDone < ticket && worker.isAlive()) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(flushLock, remaining);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return flushesDone >= ticket;
    }
  }

  /**
   * Sends every span reported before this call, then stops the reporter's thread, waiting at most
   * the close timeout. Spans reported afterwards are dropped and counted. Idempotent.
   */
  @Override
  public void close() {
    if (closeRequested) {
      return;
    }
    closeRequested = true;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(closeTimeoutMillis);
    retries.closeBy(deadline);
    queue.close();
    LockSupport.unpark(worker);
    awaitWorker(deadline);
    if (worker.isAlive()) {
      LOG.warn("{} did not finish sending within {} ms; it goes on in the background",
          this, closeTimeoutMillis);
    }
  }

  private void awaitWorker(long deadline) {
    try {
      long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (remaining > 0) {
        worker.join(remaining);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return description;
  }

  /** The reporter's thread: drains the queue into the batcher and flushes on time. */
  private final class Worker implements Runnable {
    private final RateLimitedLogger failures =
        new RateLimitedLogger(LOG, WARN_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    private final SpanBatcher batcher;
    private final long flushIntervalNanos;

    Worker(SpanBatcher batcher, long flushIntervalNanos) {
      this.batcher = batcher;
      this.flushIntervalNanos = flushIntervalNanos;
    }

    @Override
    public void run() {
      try {
        long nextFlush = System.nanoTime() + flushIntervalNanos;
        while (!queue.isClosed()) {
          // Nobody but close() may stop this thread: a stray interrupt would make parkNanos
          // return at once, spinning.
          Thread.interrupted();
          long flushes = flushesRequested;
          drain();
          long now = System.nanoTime();
          if (now - nextFlush >= 0 || flushes != flushesDone) {
            flush();
            nextFlush = now + flushIntervalNanos;
            flushed(flushes);
            continue;
          }
          workerAsleep.set(true);
          // Check again after publishing the flag: a producer that filled the queue before it
          // saw the flag would otherwise leave us asleep until the flush time. A wake-up that
          // comes after this check leaves a permit, so the park returns at once.
          if (queue.size() < wakeThreshold && !queue.isClosed()
              && flushesRequested == flushesDone) {
            LockSupport.parkNanos(this, nextFlush - now);
          }
          workerAsleep.set(false);
        }
        drainAfterClose();
      } finally {
        batcher.sender().close();
        flushed(flushesRequested);
      }
    }

    private void flushed(long flushes) {
      if (flushes != flushesDone) {
        synchronized (flushLock) {
          flushesDone = flushes;
          flushLock.notifyAll();
        }
      }
    }

    private void drain() {
      FinishedSpan span;
      while ((span = queue.poll()) != null) {
        add(span);
      }
    }

    /*
     * This is the only thread that sends: were a failure (a bug, an OutOfMemoryError while a huge
     * span grows the buffer) to end it, every later span would be dropped as queue_full. So the
     * spans involved are counted as dropped and the thread goes on.
     */

    private void add(FinishedSpan span) {
      try {
        batcher.add(span);
      } catch (RuntimeException | Error e) {
        survive(e, 1);
      }
    }

    private void flush() {
      try {
        batcher.flush();
      } catch (RuntimeException | Error e) {
        survive(e, 0);
      }
    }

    private void survive(Throwable failure, int spansInHand) {
      if (failure instanceof ThreadDeath) {
        throw (ThreadDeath) failure;
      }
      batcher.discardPending(spansInHand);
      failures.warn("{} dropped spans after a failure: {}", RemoteReporter.this, failure.toString());
    }

    /** Sends every span offered before the close, including those still being published. */
    private void drainAfterClose() {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(closeTimeoutMillis);
      while (!queue.isClosedAndDrained()) {
        FinishedSpan span = queue.poll();
        if (span != null) {
          add(span);
        } else if (System.nanoTime() - deadline > 0) {
          // A producer stalled between taking its slot and publishing the span: count it.
          counters.afterClose(queue.size());
          break;
        } else {
          Thread.yield();
        }
      }
      flush();
    }
  }

  /**
   * Configures a {@link RemoteReporter}. The defaults, as in jaeger-client-java but for the queue:
   *
   * <ul>
   *   <li>sender: a {@link UdpSender} to {@code localhost:6831}, datagrams of at most 65000 bytes
   *       (or the {@code agentHost}, {@code agentPort}, {@code maxPacketSize} given here)
   *   <li>max queue size {@value #DEFAULT_MAX_QUEUE_SIZE} spans (jaeger-client-java's 100 lose spans
   *       whenever the reporter's thread waits a few milliseconds for a core; see RATIONALE.md)
   *   <li>flush interval 1000 ms
   *   <li>close timeout 5000 ms
   *   <li>send attempts per message: {@value RetryPolicy#DEFAULT_MAX_ATTEMPTS} (retryable
   *       failures only; UDP failures are not retried)
   *   <li>metrics: a new {@link SpoorMetrics}, shown by the tracer's {@code metrics()}
   * </ul>
   */
  public static final class Builder {
    /** The largest queue size accepted. */
    public static final int MAX_QUEUE_SIZE = 1 << 20;
    /**
     * The default queue size: 100 ms of spans at 100,000 spans/s, about 120 KB of queue slots
     * allocated up front, and a few MB when full of typical spans.
     */
    public static final int DEFAULT_MAX_QUEUE_SIZE = 10_000;

    private final UdpSender.Builder agent = UdpSender.builder();
    private boolean agentSet;
    private Sender sender;
    private int maxQueueSize = DEFAULT_MAX_QUEUE_SIZE;
    private long flushIntervalMillis = 1000;
    private long closeTimeoutMillis = 5000;
    private int maxSendAttempts = RetryPolicy.DEFAULT_MAX_ATTEMPTS;
    private SpoorMetrics metrics;

    private Builder() {}

    /**
     * The transport: {@link UdpSender}, {@link JaegerHttpSender}, {@link OtlpHttpSender} or your
     * own. The reporter closes it. Replaces the default UDP sender and its settings below.
     */
    public Builder sender(Sender sender) {
      this.sender = Checks.notNull("sender", sender);
      return this;
    }

    /**
     * The default {@link UdpSender}'s agent host name or address, resolved when the first
     * datagram is sent; the same as {@code sender(UdpSender.builder().agentHost(host).build())}.
     */
    public Builder agentHost(String host) {
      agent.agentHost(host);
      agentSet = true;
      return this;
    }

    /** The default {@link UdpSender}'s agent UDP port for compact Thrift (default 6831). */
    public Builder agentPort(int port) {
      agent.agentPort(port);
      agentSet = true;
      return this;
    }

    /**
     * The default {@link UdpSender}'s largest datagram, in bytes (default 65000; 1024 to 65507,
     * the IPv4 UDP payload limit).
     */
    public Builder maxPacketSize(int maxPacketSize) {
      agent.maxPacketSize(maxPacketSize);
      agentSet = true;
      return this;
    }

    /**
     * Spans waiting to be sent; more are dropped and counted (default {@value
     * #DEFAULT_MAX_QUEUE_SIZE}, at most
     * {@value #MAX_QUEUE_SIZE}: the queue's arrays are allocated up front).
     */
    public Builder maxQueueSize(int maxQueueSize) {
      this.maxQueueSize = Checks.range("maxQueueSize", maxQueueSize, 1, MAX_QUEUE_SIZE);
      return this;
    }

    /** How long a span may wait for its message to fill before it is sent (default 1 s). */
    public Builder flushInterval(long interval, TimeUnit unit) {
      this.flushIntervalMillis = Checks.positiveMillis("flushInterval", interval, unit);
      return this;
    }

    /** As {@link #flushInterval(long, TimeUnit)}. */
    public Builder flushInterval(Duration interval) {
      this.flushIntervalMillis = Checks.positiveMillis("flushInterval", interval);
      return this;
    }

    /**
     * How long {@code close()} (and {@code flush()}) waits for queued spans to be sent (default
     * 5 s); retries stop when it runs out.
     */
    public Builder closeTimeout(long timeout, TimeUnit unit) {
      this.closeTimeoutMillis = Checks.positiveMillis("closeTimeout", timeout, unit);
      return this;
    }

    /** As {@link #closeTimeout(long, TimeUnit)}. */
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeoutMillis = Checks.positiveMillis("closeTimeout", timeout);
      return this;
    }

    /**
     * Attempts per message when sending fails in a way worth retrying (HTTP 429, 502, 503, 504,
     * connection errors, timeouts); default {@value RetryPolicy#DEFAULT_MAX_ATTEMPTS}, 1 for no
     * retry.
     */
    public Builder maxSendAttempts(int attempts) {
      this.maxSendAttempts = Checks.range("maxSendAttempts", attempts, 1, 100);
      return this;
    }

    /**
     * The counters to write to, e.g. the tracer's own; by default a new set, which the tracer
     * shows in its {@code metrics()} all the same.
     */
    public Builder metrics(SpoorMetrics metrics) {
      this.metrics = Checks.notNull("metrics", metrics);
      return this;
    }

    /**
     * Builds the reporter and starts its thread; nothing is resolved or connected yet.
     *
     * @throws IllegalStateException when both a {@code sender} and UDP agent settings were given
     */
    public RemoteReporter build() {
      if (sender != null && agentSet) {
        throw new IllegalStateException("agentHost, agentPort and maxPacketSize configure the "
            + "default UdpSender; with sender(...) set them on that sender instead");
      }
      return new RemoteReporter(this, sender != null ? sender : agent.build());
    }
  }
}
