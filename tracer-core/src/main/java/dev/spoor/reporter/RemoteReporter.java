package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import dev.spoor.internal.RateLimitedLogger;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports finished spans to a Jaeger agent (or anything that speaks its protocol: the
 * OpenTelemetry Collector's jaeger receiver, Grafana Tempo) as Thrift compact
 * {@code Agent.emitBatch} messages in UDP datagrams.
 *
 * <p>{@link #report} puts the span on a bounded lock-free queue and returns: it never blocks,
 * locks or does I/O on the application's thread; when the queue is full the span is dropped and
 * counted. One daemon thread, {@code spoor-reporter}, encodes queued spans into datagrams of at
 * most the max packet size and sends a datagram when it is full, and whatever it holds every flush
 * interval. {@link #close()} sends everything queued before it, within the close timeout.
 *
 * <p>Every reported span is counted exactly once in the reporter's {@link SpoorMetrics}: sent, or
 * dropped because the queue was full, it was reported after close, it was too large, or its
 * datagram could not be sent. The tracer shows these counters in its own {@code metrics()} when
 * the reporter and the tracer share one {@link SpoorMetrics} (see {@link Builder#metrics}).
 */
public final class RemoteReporter implements Reporter {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteReporter.class);
  /** Send and encoding failures are logged at most once per this interval. */
  static final long WARN_INTERVAL_MILLIS = 10_000;

  private final SpanQueue queue;
  private final SpoorMetrics metrics;
  private final int wakeThreshold;
  private final long closeTimeoutMillis;
  private final String description;
  private final Thread worker;
  private volatile boolean workerParked;
  private volatile boolean closeRequested;

  private RemoteReporter(Builder builder) {
    this.queue = new SpanQueue(builder.maxQueueSize);
    this.metrics = builder.metrics != null ? builder.metrics : new SpoorMetrics();
    // Waking the thread for every span would cost the application a system call per span; it is
    // woken when the queue is a quarter full, and otherwise drains at the flush interval.
    this.wakeThreshold = Math.max(1, builder.maxQueueSize / 4);
    this.closeTimeoutMillis = builder.closeTimeoutMillis;
    this.description = "RemoteReporter{agent=" + builder.host + ":" + builder.port
        + ", maxQueueSize=" + builder.maxQueueSize + ", flushIntervalMillis="
        + builder.flushIntervalMillis + ", maxPacketSize=" + builder.maxPacketSize + "}";
    UdpSender sender = new UdpSender(builder.host, builder.port, metrics, WARN_INTERVAL_MILLIS);
    SpanBatcher batcher = new SpanBatcher(builder.maxPacketSize, sender, metrics);
    metrics.registerGauge(SpoorMetrics.QUEUE_LENGTH, queue::size);
    this.worker = new Thread(
        new Worker(batcher, sender, TimeUnit.MILLISECONDS.toNanos(builder.flushIntervalMillis)),
        "spoor-reporter");
    worker.setDaemon(true);
    worker.start();
  }

  /** A builder with the defaults listed on {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The counters this reporter writes to: the builder's, or its own when none was given. */
  public SpoorMetrics metrics() {
    return metrics;
  }

  @Override
  public void report(FinishedSpan span) {
    if (span == null) {
      return; // not a span: nothing to send or count
    }
    long length = queue.offer(span);
    if (length < 0) {
      metrics.increment(queue.isClosed() ? Metric.SPANS_DROPPED_AFTER_CLOSE
          : Metric.SPANS_DROPPED_QUEUE_FULL);
    } else if (length >= wakeThreshold && workerParked) {
      LockSupport.unpark(worker);
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
    queue.close();
    LockSupport.unpark(worker);
    try {
      worker.join(closeTimeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      LOG.warn("{} did not finish sending within {} ms; it goes on in the background",
          this, closeTimeoutMillis);
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
    private final UdpSender sender;
    private final long flushIntervalNanos;

    Worker(SpanBatcher batcher, UdpSender sender, long flushIntervalNanos) {
      this.batcher = batcher;
      this.sender = sender;
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
          drain();
          long now = System.nanoTime();
          if (now - nextFlush >= 0) {
            flush();
            nextFlush = now + flushIntervalNanos;
            continue;
          }
          workerParked = true;
          // Check again after publishing workerParked: a producer that filled the queue before
          // it saw the flag would otherwise leave us asleep until the flush time.
          if (queue.size() < wakeThreshold && !queue.isClosed()) {
            LockSupport.parkNanos(this, nextFlush - now);
          }
          workerParked = false;
        }
        drainAfterClose();
      } finally {
        sender.close();
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
          metrics.add(Metric.SPANS_DROPPED_AFTER_CLOSE, queue.size());
          break;
        } else {
          Thread.yield();
        }
      }
      flush();
    }
  }

  /**
   * Configures a {@link RemoteReporter}. The defaults, as in jaeger-client-java:
   *
   * <ul>
   *   <li>agent host {@code localhost}, port {@code 6831} (the agent's compact Thrift port)
   *   <li>max queue size 100 spans
   *   <li>flush interval 1000 ms
   *   <li>max packet size 65000 bytes (the agent's default UDP buffer)
   *   <li>close timeout 5000 ms
   *   <li>metrics: a new {@link SpoorMetrics}; pass the tracer's to see the counters there
   * </ul>
   */
  public static final class Builder {
    /** The largest queue size accepted. */
    public static final int MAX_QUEUE_SIZE = 1 << 20;

    private String host = "localhost";
    private int port = 6831;
    private int maxQueueSize = 100;
    private long flushIntervalMillis = 1000;
    private int maxPacketSize = 65000;
    private long closeTimeoutMillis = 5000;
    private SpoorMetrics metrics;

    private Builder() {}

    /** The agent's host name or address, resolved when the first datagram is sent. */
    public Builder agentHost(String host) {
      if (host == null) {
        throw new NullPointerException("host == null");
      }
      if (host.trim().isEmpty()) {
        throw new IllegalArgumentException("host is blank");
      }
      this.host = host.trim();
      return this;
    }

    /** The agent's UDP port for compact Thrift (default 6831). */
    public Builder agentPort(int port) {
      this.port = checkRange("port", port, 1, 65535);
      return this;
    }

    /**
     * Spans waiting to be sent; more are dropped and counted (default 100, at most
     * {@value #MAX_QUEUE_SIZE}: the queue's arrays are allocated up front).
     */
    public Builder maxQueueSize(int maxQueueSize) {
      this.maxQueueSize = checkRange("maxQueueSize", maxQueueSize, 1, MAX_QUEUE_SIZE);
      return this;
    }

    /** How long a span may wait for its datagram to fill before it is sent (default 1 s). */
    public Builder flushInterval(long interval, TimeUnit unit) {
      this.flushIntervalMillis = checkPositive("flushInterval", interval, unit);
      return this;
    }

    /**
     * The largest datagram, in bytes (default 65000; at most 65507, the IPv4 UDP payload limit;
     * at least 1024).
     */
    public Builder maxPacketSize(int maxPacketSize) {
      this.maxPacketSize = checkRange("maxPacketSize", maxPacketSize, 1024, 65507);
      return this;
    }

    /** How long {@code close()} waits for queued spans to be sent (default 5 s). */
    public Builder closeTimeout(long timeout, TimeUnit unit) {
      this.closeTimeoutMillis = checkPositive("closeTimeout", timeout, unit);
      return this;
    }

    /** The counters to write to: pass the tracer's, so its {@code metrics()} shows them. */
    public Builder metrics(SpoorMetrics metrics) {
      if (metrics == null) {
        throw new NullPointerException("metrics == null");
      }
      this.metrics = metrics;
      return this;
    }

    /** Builds the reporter and starts its thread; nothing is resolved or connected yet. */
    public RemoteReporter build() {
      return new RemoteReporter(this);
    }

    private static int checkRange(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            name + " must be from " + min + " to " + max + ", was " + value);
      }
      return value;
    }

    private static long checkPositive(String name, long value, TimeUnit unit) {
      if (unit == null) {
        throw new NullPointerException("unit == null");
      }
      long millis = unit.toMillis(value);
      if (millis < 1) {
        throw new IllegalArgumentException(name + " must be at least 1 ms, was " + value + " "
            + unit);
      }
      return millis;
    }
  }
}
