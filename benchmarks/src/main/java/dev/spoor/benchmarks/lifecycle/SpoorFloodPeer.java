package dev.spoor.benchmarks.lifecycle;

import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.RemoteReporter;
import dev.spoor.sampler.ConstSampler;
import dev.spoor.scope.MdcScopeManager;
import java.util.Locale;

/**
 * Spoor sampling every span into its default {@link RemoteReporter} (queue, flush interval, packet
 * size) aimed at {@code 127.0.0.1:port}, 128-bit trace ids, a thread-local scope manager that
 * leaves the MDC alone.
 */
final class SpoorFloodPeer extends FloodBenchmark.FloodPeer {
  private final SpoorTracer tracer;

  SpoorFloodPeer(int port) {
    this(SpoorTracer.builder("benchmark")
        .sampler(new ConstSampler(true))
        .reporter(RemoteReporter.builder().agentHost("127.0.0.1").agentPort(port).build())
        .traceId128Bit(true)
        .scopeManager(MdcScopeManager.withoutMdc())
        .build());
  }

  private SpoorFloodPeer(SpoorTracer tracer) {
    super(tracer);
    this.tracer = tracer;
  }

  @Override
  public long spansReported() {
    return tracer.metrics().get(Metric.SPANS_REPORTED);
  }

  @Override
  String checkAccounting() {
    SpoorMetrics metrics = tracer.metrics();
    long reported = metrics.get(Metric.SPANS_REPORTED);
    long accounted = metrics.get(Metric.SPANS_SENT)
        + metrics.get(Metric.SPANS_DROPPED_QUEUE_FULL)
        + metrics.get(Metric.SPANS_DROPPED_SEND_FAILED)
        + metrics.get(Metric.SPANS_DROPPED_AFTER_CLOSE)
        + metrics.get(Metric.SPANS_DROPPED_TOO_LARGE)
        + metrics.get(Metric.SPANS_DROPPED_REJECTED);
    if (reported == 0 || accounted != reported) {
      throw new IllegalStateException("reported " + reported + ", accounted for " + accounted
          + ": " + metrics);
    }
    return String.format(Locale.ROOT, "%,d spans reported: %,d sent (to no agent), %,d dropped "
        + "with the queue full, %,d dropped when their datagram failed", reported,
        metrics.get(Metric.SPANS_SENT), metrics.get(Metric.SPANS_DROPPED_QUEUE_FULL),
        metrics.get(Metric.SPANS_DROPPED_SEND_FAILED));
  }

  @Override
  public void close() {
    tracer.close();
  }
}
