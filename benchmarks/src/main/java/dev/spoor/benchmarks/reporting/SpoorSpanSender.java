package dev.spoor.benchmarks.reporting;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import dev.spoor.benchmarks.SpanShape;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.reporter.SynchronousSpanSender;
import dev.spoor.sampler.ConstSampler;

/**
 * Spoor's {@code RemoteReporter} thread work (its batcher and UDP sender, through
 * {@link SynchronousSpanSender}) on a span of a sampled tracer with 128-bit trace ids.
 */
final class SpoorSpanSender implements SpanSender {
  private final SpoorTracer tracer;
  private final FinishedSpan span;
  private final SynchronousSpanSender sender;

  SpoorSpanSender(int port) {
    tracer = SpoorTracer.builder("benchmark")
        .sampler(new ConstSampler(true))
        .reporter(new InMemoryReporter())
        .traceId128Bit(true)
        .build();
    span = (FinishedSpan) SpanShape.finishedChild(tracer);
    sender = new SynchronousSpanSender("127.0.0.1", port, MAX_PACKET_SIZE);
  }

  @Override
  public void append() {
    sender.append(span);
  }

  @Override
  public void flush() {
    sender.flush();
  }

  @Override
  public long spansSent() {
    return sender.spansSent();
  }

  @Override
  public void close() {
    sender.flush();
    sender.close();
    tracer.close();
    if (sender.spansDropped() > 0) {
      throw new IllegalStateException("Spoor dropped " + sender.spansDropped() + " spans");
    }
  }
}
