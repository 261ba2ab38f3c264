package dev.spoor.reliability;

import dev.spoor.SpoorTracer;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.RemoteReporter;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM for {@link BurstTest}, run with a small heap: finishes spans that each carry their
 * own 1 KB tag, far more in total than the heap, into a reporter whose agent is absent. Exits 0
 * and prints the accounting when no OutOfMemoryError happened; a full heap exits non-zero.
 */
public final class SmallHeapBurstMain {
  private SmallHeapBurstMain() {}

  /** Arguments: agent port, span count, queue size. */
  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    SpoorTracer tracer = SpoorTracer.builder("small-heap").reporter(RemoteReporter.builder()
        .agentHost("127.0.0.1").agentPort(port).maxQueueSize(Integer.parseInt(args[2]))
        .flushInterval(10, TimeUnit.MILLISECONDS).build()).build();
    char[] payload = new char[1024];
    for (int i = 0; i < count; i++) {
      payload[i % payload.length]++;
      tracer.buildSpan("burst").withTag("payload", new String(payload)).start().finish();
    }
    tracer.close();
    SpoorMetrics metrics = tracer.metrics();
    // The child's only output: read by the test.
    System.out.println("accounted " + SpanAccounting.accountedFor(metrics) + " of "
        + metrics.get(dev.spoor.metrics.Metric.SPANS_REPORTED));
  }
}
