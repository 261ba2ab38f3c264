package dev.spoor.benchmarks.reporting;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import dev.spoor.benchmarks.SpanShape;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.reporter.Sender;
import dev.spoor.reporter.SpanBatcher;
import dev.spoor.sampler.ConstSampler;

/**
 * Spoor's {@code RemoteReporter} thread work, through its public seam: a {@link SpanBatcher}
 * (encode, pack, send, count) over a {@link Sender}, on a span of a sampled tracer with 128-bit
 * trace ids.
 */
final class SpoorSpanSender implements SpanSender {
  private final SpoorTracer tracer;
  private final FinishedSpan span;
  private final Sender sender;
  private final SpoorMetrics metrics = new SpoorMetrics();
  private final SpanBatcher batcher;

  SpoorSpanSender(Sender sender) {
    tracer = SpoorTracer.builder("benchmark")
        .sampler(new ConstSampler(true))
        .reporter(new InMemoryReporter())
        .traceId128Bit(true)
        .build();
    span = (FinishedSpan) SpanShape.finishedChild(tracer);
    this.sender = sender;
    this.batcher = SpanBatcher.create(sender, metrics);
  }

  @Override
  public void append() {
    batcher.add(span);
  }

  @Override
  public void flush() {
    batcher.flush();
  }

  @Override
  public long spansSent() {
    return metrics.get(Metric.SPANS_SENT);
  }

  @Override
  public void close() {
    batcher.flush();
    sender.close();
    tracer.close();
    long dropped = metrics.get(Metric.SPANS_DROPPED_TOO_LARGE)
        + metrics.get(Metric.SPANS_DROPPED_SEND_FAILED)
        + metrics.get(Metric.SPANS_DROPPED_REJECTED);
    if (dropped > 0) {
      throw new IllegalStateException("Spoor dropped " + dropped + " spans: " + metrics);
    }
  }
}
