package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.metrics.Metric;
import dev.spoor.reporter.CompositeReporter;
import dev.spoor.reporter.LoggingReporter;
import dev.spoor.reporter.RemoteReporter;
import dev.spoor.reporter.Reporter;
import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.junit.jupiter.api.Test;

/** The JAEGER_AGENT_* and JAEGER_REPORTER_* variables configure the UDP reporter. */
class EnvConfigurationReporterTest {
  private final Map<String, String> env = new HashMap<>();

  private SpoorTracer tracer() {
    return new EnvConfiguration(env::get).builder().build();
  }

  @Test
  void reportsToTheAgentFromTheVariablesIntoTheTracersMetrics() throws Exception {
    try (DatagramSocket agent = new DatagramSocket(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      agent.setSoTimeout(20_000);
      env.put("JAEGER_SERVICE_NAME", "from-env");
      env.put("JAEGER_SAMPLER_TYPE", "const"); // fromEnv's default samples only 0.1 %
      env.put("JAEGER_SAMPLER_PARAM", "1");
      env.put("JAEGER_AGENT_HOST", "127.0.0.1");
      env.put("JAEGER_AGENT_PORT", Integer.toString(agent.getLocalPort()));
      env.put("JAEGER_REPORTER_FLUSH_INTERVAL", "10");
      env.put("JAEGER_REPORTER_MAX_QUEUE_SIZE", "50");
      env.put("JAEGER_REPORTER_MAX_PACKET_SIZE", "2000");
      SpoorTracer tracer = tracer();
      try {
        assertInstanceOf(RemoteReporter.class, tracer.reporter());
        assertTrue(tracer.reporter().toString().contains("maxQueueSize=50"), tracer.reporter()
            .toString());
        tracer.buildSpan("configured").start().finish();

        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        agent.receive(packet); // the flush interval sends it; the socket timeout is the deadline
        TCompactProtocol protocol =
            new TCompactProtocol(new TMemoryInputTransport(buffer, 0, packet.getLength()));
        protocol.readMessageBegin();
        Agent.emitBatch_args args = new Agent.emitBatch_args();
        args.read(protocol);
        Batch batch = args.getBatch();
        assertEquals("from-env", batch.getProcess().getServiceName());
        assertEquals("configured", batch.getSpans().get(0).getOperationName());
      } finally {
        tracer.close();
      }
      assertEquals(1, tracer.metrics().get(Metric.SPANS_SENT));
      assertEquals(1, tracer.metrics().get(Metric.DATAGRAMS_SENT));
    }
  }

  @Test
  void logsSpansToo() {
    env.put("JAEGER_SERVICE_NAME", "logged");
    env.put("JAEGER_REPORTER_LOG_SPANS", "true");
    SpoorTracer tracer = tracer();
    try {
      CompositeReporter composite = assertInstanceOf(CompositeReporter.class, tracer.reporter());
      assertInstanceOf(RemoteReporter.class, composite.reporters().get(0));
      assertInstanceOf(LoggingReporter.class, composite.reporters().get(1));
      RemoteReporter remote = (RemoteReporter) composite.reporters().get(0);
      assertSame(tracer.metrics(), remote.metrics());
      assertTrue(remote.toString().contains("agent=localhost:6831"), remote.toString());
    } finally {
      tracer.close();
    }
  }

  @Test
  void aDisabledTracerHasNoReporterThread() {
    env.put("JAEGER_DISABLED", "true");
    SpoorTracer tracer = tracer();
    assertSame(Reporter.NOOP, tracer.reporter());
    tracer.close();
  }

  @Test
  void rejectsAPacketSizeAboveTheUdpLimit() {
    env.put("JAEGER_SERVICE_NAME", "bad");
    env.put("JAEGER_REPORTER_MAX_PACKET_SIZE", "70000");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::tracer);
    assertTrue(e.getMessage().contains("JAEGER_REPORTER_MAX_PACKET_SIZE"), e.getMessage());
  }

  @Test
  void theTracerSharesARemoteReportersMetrics() {
    RemoteReporter reporter = RemoteReporter.builder().build();
    SpoorTracer tracer = SpoorTracer.builder("shared").reporter(reporter).build();
    try {
      assertSame(reporter.metrics(), tracer.metrics());
    } finally {
      tracer.close();
    }
  }
}
