package dev.spoor.benchmarks.reporting;

import dev.spoor.benchmarks.SpanShape;
import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.exceptions.SenderException;
import io.jaegertracing.internal.reporters.NoopReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.thrift.internal.senders.UdpSender;
import org.apache.thrift.transport.TTransportException;

/**
 * jaeger-client-java's {@code UdpSender} (compact Thrift, what its {@code RemoteReporter} thread
 * calls for each span: {@code append}, which converts the span to its Thrift form, measures it
 * and sends the buffered spans once the next would not fit) on a span of a sampled tracer with
 * 128-bit trace ids.
 */
final class JaegerClientSpanSender implements SpanSender {
  private final JaegerTracer tracer;
  private final JaegerSpan span;
  private final UdpSender sender;
  private long spansSent;

  JaegerClientSpanSender(int port) throws TTransportException {
    tracer = new JaegerTracer.Builder("benchmark")
        .withSampler(new ConstSampler(true))
        .withReporter(new NoopReporter())
        .withTraceId128Bit()
        .withManualShutdown()
        .build();
    span = (JaegerSpan) SpanShape.finishedChild(tracer);
    sender = new UdpSender("127.0.0.1", port, MAX_PACKET_SIZE);
  }

  @Override
  public void append() throws SenderException {
    spansSent += sender.append(span);
  }

  @Override
  public void flush() throws SenderException {
    spansSent += sender.flush();
  }

  @Override
  public long spansSent() {
    return spansSent;
  }

  @Override
  public void close() throws SenderException {
    // UdpSender.close() flushes first.
    spansSent += sender.close();
    tracer.close();
  }
}
