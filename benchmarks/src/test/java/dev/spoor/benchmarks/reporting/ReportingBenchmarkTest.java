package dev.spoor.benchmarks.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.benchmarks.ParamValues;
import dev.spoor.benchmarks.SpanShape;
import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.Tag;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each case of {@link ReportingBenchmark} through the benchmark's own state and decodes what
 * the receiver got with jaeger-thrift: every sender sends the same span in real {@code emitBatch}
 * datagrams, and sends on its own once a datagram is full.
 */
class ReportingBenchmarkTest {

  static Stream<String> systems() {
    return ParamValues.of(ReportingBenchmark.Senders.class, "system").stream();
  }

  @ParameterizedTest
  @MethodSource("systems")
  void sendsTheSameSpanInAJaegerBatch(String system) throws Exception {
    ReportingBenchmark.Senders senders = senders(system);
    ReportingBenchmark benchmark = new ReportingBenchmark();
    for (int i = 0; i < 3; i++) {
      benchmark.sendSpan(senders);
    }
    senders.sender.flush();

    Batch batch = decode(awaitFirstDatagram(senders.receiver));
    senders.close();

    assertEquals("benchmark", batch.getProcess().getServiceName());
    assertEquals(3, batch.getSpans().size());
    Span span = batch.getSpans().get(0);
    assertEquals(SpanShape.OPERATION, span.getOperationName());
    assertNotEquals(0, span.getParentSpanId());
    assertNotEquals(0, span.getTraceIdHigh());
    assertEquals(Map.of(SpanShape.TAGS[0], SpanShape.TAGS[1], SpanShape.TAGS[2], SpanShape.TAGS[3],
        SpanShape.TAGS[4], SpanShape.TAGS[5]), stringTags(span));
  }

  @ParameterizedTest
  @MethodSource("systems")
  void sendsADatagramOnItsOwnWhenTheNextSpanWouldNotFit(String system) throws Exception {
    ReportingBenchmark.Senders senders = senders(system);
    ReportingBenchmark benchmark = new ReportingBenchmark();
    while (senders.sender.spansSent() == 0) {
      benchmark.sendSpan(senders);
    }

    Batch batch = decode(awaitFirstDatagram(senders.receiver));
    senders.close();

    assertTrue(batch.getSpans().size() > 100, () -> batch.getSpans().size() + " spans");
    DrainingReceiver receiver = senders.receiver;
    assertTrue(receiver.bytes() <= SpanSender.MAX_PACKET_SIZE * receiver.datagrams(),
        receiver::toString);
  }

  private static ReportingBenchmark.Senders senders(String system) throws Exception {
    ReportingBenchmark.Senders senders = new ReportingBenchmark.Senders();
    senders.system = system;
    senders.build();
    return senders;
  }

  private static byte[] awaitFirstDatagram(DrainingReceiver receiver) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (receiver.firstDatagram() == null) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("no datagram arrived: " + receiver);
      }
      Thread.onSpinWait();
    }
    return receiver.firstDatagram();
  }

  /** Reads an {@code Agent.emitBatch} one-way call in compact Thrift, as the Jaeger agent does. */
  private static Batch decode(byte[] datagram) throws Exception {
    TCompactProtocol protocol = new TCompactProtocol(new TMemoryInputTransport(datagram));
    TMessage message = protocol.readMessageBegin();
    assertEquals("emitBatch", message.name);
    assertEquals(TMessageType.ONEWAY, message.type);
    Agent.emitBatch_args args = new Agent.emitBatch_args();
    args.read(protocol);
    return args.getBatch();
  }

  private static Map<String, String> stringTags(Span span) {
    Map<String, String> tags = new HashMap<>();
    for (Tag tag : span.getTags()) {
      tags.put(tag.getKey(), tag.getVStr());
    }
    return tags;
  }
}
