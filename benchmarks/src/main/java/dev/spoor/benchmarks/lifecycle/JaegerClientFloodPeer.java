package dev.spoor.benchmarks.lifecycle;

import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.RemoteReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.thrift.internal.senders.UdpSender;
import org.apache.thrift.transport.TTransportException;

/**
 * jaeger-client-java sampling every span into its {@code RemoteReporter} with its defaults (queue
 * of 100, flush every second) and its {@code UdpSender} to {@code 127.0.0.1:port} (default packet
 * size), 128-bit trace ids, its default scope manager and no-op metrics.
 */
final class JaegerClientFloodPeer extends FloodBenchmark.FloodPeer {
  private final JaegerTracer tracer;

  JaegerClientFloodPeer(int port) throws TTransportException {
    this(new JaegerTracer.Builder("benchmark")
        .withSampler(new ConstSampler(true))
        .withReporter(new RemoteReporter.Builder()
            .withSender(new UdpSender("127.0.0.1", port, 0))
            .build())
        .withTraceId128Bit()
        .withManualShutdown()
        .build());
  }

  private JaegerClientFloodPeer(JaegerTracer tracer) {
    super(tracer);
    this.tracer = tracer;
  }

  /** Not counted: jaeger-client-java's default metrics are no-ops, and counting would cost. */
  @Override
  public long spansReported() {
    return -1;
  }

  @Override
  String checkAccounting() {
    return "not counted (jaeger-client-java's default metrics are no-ops)";
  }

  @Override
  public void close() {
    tracer.close();
  }
}
