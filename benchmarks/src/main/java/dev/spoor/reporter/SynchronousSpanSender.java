package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;

/**
 * The work {@link RemoteReporter}'s thread does for each span, done on the caller's thread instead:
 * the same {@link SpanBatcher} encodes the span into the current datagram and sends the datagram
 * through the same {@link UdpSender} when the next span would not fit. Only the hand-off through
 * the queue and the thread's wake-ups are left out.
 *
 * <p>This class belongs to the benchmarks module, not to tracer-core: it sits in tracer-core's
 * package to reach the package-private batcher and sender, which works on the class path (no
 * module system), where the benchmarks run. It has no {@code package-info.java} of its own, since
 * tracer-core's describes the package.
 */
public final class SynchronousSpanSender implements AutoCloseable {
  private final SpoorMetrics metrics = new SpoorMetrics();
  private final UdpSender sender;
  private final SpanBatcher batcher;

  /** Sends to {@code host:port} in datagrams of at most {@code maxPacketSize} bytes. */
  public SynchronousSpanSender(String host, int port, int maxPacketSize) {
    this.sender = new UdpSender(host, port, metrics, RemoteReporter.WARN_INTERVAL_MILLIS);
    this.batcher = new SpanBatcher(maxPacketSize, sender, metrics);
  }

  /** Encodes {@code span}; sends the spans before it when it would not fit with them. */
  public void append(FinishedSpan span) {
    batcher.add(span);
  }

  /** Sends the spans appended since the last datagram, if any. */
  public void flush() {
    batcher.flush();
  }

  /** Spans sent in datagrams so far. */
  public long spansSent() {
    return metrics.get(Metric.SPANS_SENT);
  }

  /** Spans that were not sent: dropped as too large, or their datagram failed. */
  public long spansDropped() {
    return metrics.get(Metric.SPANS_DROPPED_TOO_LARGE)
        + metrics.get(Metric.SPANS_DROPPED_SEND_FAILED);
  }

  /** Releases the socket; pending spans are not sent (call {@link #flush()} first). */
  @Override
  public void close() {
    sender.close();
  }
}
