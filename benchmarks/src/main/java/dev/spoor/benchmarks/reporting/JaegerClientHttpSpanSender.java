package dev.spoor.benchmarks.reporting;

import dev.spoor.benchmarks.SpanShape;
import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.exceptions.SenderException;
import io.jaegertracing.internal.reporters.NoopReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.thrift.internal.senders.HttpSender;
import org.apache.thrift.transport.TTransportException;

/**
 * jaeger-client-java's {@code HttpSender} (Thrift binary {@code Batch} over OkHttp, 1 MB per
 * request by default), driven as its {@code RemoteReporter} thread drives it: {@code append}
 * for each span, which converts it, measures it and POSTs the buffered spans once the next would
 * not fit.
 */
final class JaegerClientHttpSpanSender implements SpanSender {
  private final JaegerTracer tracer;
  private final JaegerSpan span;
  private final HttpSender sender;
  private long spansSent;

  JaegerClientHttpSpanSender(String baseUrl) throws TTransportException {
    tracer = new JaegerTracer.Builder("benchmark")
        .withSampler(new ConstSampler(true))
        .withReporter(new NoopReporter())
        .withTraceId128Bit()
        .withManualShutdown()
        .build();
    span = (JaegerSpan) SpanShape.finishedChild(tracer);
    sender = new HttpSender.Builder(baseUrl + "/api/traces").build();
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
    spansSent += sender.close();
    tracer.close();
  }
}
