package dev.spoor.reporter;

import dev.spoor.SpoorProcess;
import dev.spoor.FinishedSpan;
import dev.spoor.jaeger.thrift.JaegerBatchFraming;
import dev.spoor.jaeger.thrift.JaegerSpanEncoder;
import dev.spoor.jaeger.thrift.ThriftCompactWriter;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.internal.RateLimitedLogger;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Packs encoded spans into datagrams of at most {@code maxPacketSize} bytes: each span is encoded
 * once, straight after the previous one in a reused buffer; when it would overflow the datagram,
 * the spans before it are sent and it starts the next datagram. Spans of another process (a
 * reporter shared by tracers) start a new datagram, since a batch has one process.
 *
 * <p>Every span added ends up counted exactly once: {@link Metric#SPANS_SENT},
 * {@link Metric#SPANS_DROPPED_SEND_FAILED} or {@link Metric#SPANS_DROPPED_TOO_LARGE}. Used by the
 * reporter's one thread only.
 */
final class SpanBatcher {
  private final RateLimitedLogger warnings = new RateLimitedLogger(
      LoggerFactory.getLogger(SpanBatcher.class), RemoteReporter.WARN_INTERVAL_MILLIS,
      TimeUnit.MILLISECONDS);
  private final int maxPacketSize;
  private final int workingCapacity;
  private final UdpSender sender;
  private final SpoorMetrics metrics;
  private final JaegerSpanEncoder encoder = new JaegerSpanEncoder();
  private final ThriftCompactWriter spans;
  private final ThriftCompactWriter prefix = new ThriftCompactWriter(1024);
  private final ByteBuffer[] datagram = new ByteBuffer[3];
  private SpoorProcess process;
  private byte[] encodedProcess;
  private int spanBudget;
  private int spanCount;
  private int seqId;

  SpanBatcher(int maxPacketSize, UdpSender sender, SpoorMetrics metrics) {
    this.maxPacketSize = maxPacketSize;
    this.sender = sender;
    this.metrics = metrics;
    this.workingCapacity = maxPacketSize + 1024;
    this.spans = new ThriftCompactWriter(workingCapacity);
  }

  /** Encodes {@code span}; sends the spans before it when it would not fit with them. */
  void add(FinishedSpan span) {
    SpoorProcess spanProcess = span.process();
    if (spanProcess != process) {
      flush();
      process = spanProcess;
      encodedProcess = JaegerBatchFraming.encodeProcess(spanProcess, prefix);
      spanBudget = maxPacketSize - JaegerBatchFraming.overhead(encodedProcess.length);
    }
    int start = spans.size();
    JaegerSpanEncoder.Fit fit;
    try {
      fit = spanBudget > 0
          ? encoder.encode(span, spans, spanBudget) : JaegerSpanEncoder.Fit.TOO_LARGE;
    } catch (RuntimeException | Error e) {
      // A bug, an Error from a value's toString() (the encoder handles exceptions there) or no
      // memory left to grow the buffer: the span cannot be sent, so it counts as such.
      if (e instanceof ThreadDeath) {
        throw e;
      }
      spans.truncate(start);
      spans.trimCapacity(workingCapacity);
      metrics.increment(Metric.SPANS_DROPPED_SEND_FAILED);
      warnings.warn("Encoding span {} failed: {}", span, e.toString());
      return;
    }
    if (fit == JaegerSpanEncoder.Fit.TOO_LARGE) {
      metrics.increment(Metric.SPANS_DROPPED_TOO_LARGE);
      spans.trimCapacity(workingCapacity); // encoding it grew the buffer to its size
      return;
    }
    if (fit == JaegerSpanEncoder.Fit.SHRUNK) {
      metrics.increment(Metric.SPANS_TRUNCATED);
    }
    if (spans.size() > spanBudget) {
      send(start, spanCount);
      spans.moveToStart(start);
      spanCount = 0;
    }
    spanCount++;
    if (fit == JaegerSpanEncoder.Fit.SHRUNK) {
      spans.trimCapacity(workingCapacity); // encoding it whole grew the buffer to its size
    }
  }

  /** Sends the spans added since the last datagram, if any. */
  void flush() {
    if (spanCount > 0) {
      send(spans.size(), spanCount);
      spans.reset();
      spanCount = 0;
    }
  }

  /**
   * After a failure the reporter's thread survived ({@code extra} spans it held but had not yet
   * added): counts them and every span waiting for its datagram as dropped, and starts afresh.
   */
  void discardPending(int extra) {
    metrics.add(Metric.SPANS_DROPPED_SEND_FAILED, spanCount + extra);
    spanCount = 0;
    spans.reset();
    spans.trimCapacity(workingCapacity);
    process = null; // its encoding may be the half-done work that failed
  }

  /** Spans waiting for their datagram. */
  int pending() {
    return spanCount;
  }

  private void send(int length, int count) {
    JaegerBatchFraming.writePrefix(prefix, seqId++, encodedProcess, count);
    datagram[0] = ByteBuffer.wrap(prefix.array(), 0, prefix.size());
    datagram[1] = ByteBuffer.wrap(spans.array(), 0, length);
    datagram[2] = ByteBuffer.wrap(JaegerBatchFraming.SUFFIX);
    boolean sent = sender.send(datagram);
    datagram[1] = null; // do not keep a buffer that trimCapacity is about to let go
    if (sent) {
      metrics.increment(Metric.DATAGRAMS_SENT);
      metrics.add(Metric.SPANS_SENT, count);
    } else {
      metrics.add(Metric.SPANS_DROPPED_SEND_FAILED, count);
    }
  }
}
