package dev.spoor.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spoor.SpoorTracer;
import dev.spoor.examples.agent.InProcessJaegerAgent;
import dev.spoor.examples.agent.ReceivedSpan;
import dev.spoor.metrics.Metric;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's UDP reporting, with Spoor's RemoteReporter, against the in-process agent. */
class RemoteSpanReportingTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void flushReturnsOnceEverySpanReportedIsSent() throws Exception {
    try (InProcessJaegerAgent agent = InProcessJaegerAgent.start()) {
      RemoteSpanReporting reporting =
          new RemoteSpanReporting(new AgentEndpoint(agent.host(), agent.port(), true));
      try (SpoorTracer tracer = SpoorTracer.builder("inventory")
          .reporter(reporting.reporter("inventory")).build()) {
        tracer.buildSpan("GET /stock").withTag("inventory.cache", "miss").start().finish();
        tracer.buildSpan("GET /stock").start().finish();

        reporting.flush();

        assertEquals(2, tracer.metrics().get(Metric.SPANS_SENT));
        agent.awaitDatagrams(tracer.metrics().get(Metric.DATAGRAMS_SENT), WAIT);
        List<ReceivedSpan> spans = agent.spans();
        assertEquals(2, spans.size());
        assertEquals("inventory", spans.get(0).serviceName());
        assertEquals("miss", spans.get(0).tag("inventory.cache"));
      }
    }
  }

  @Test
  void flushReturnsWhenTheSpansCouldNotBeSentAndWereCountedAsDropped() throws Exception {
    int closedPort;
    try (DatagramSocket socket = new DatagramSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RemoteSpanReporting reporting = new RemoteSpanReporting(new AgentEndpoint("127.0.0.1", closedPort,
        false));
    try (SpoorTracer tracer = SpoorTracer.builder("payment")
        .reporter(reporting.reporter("payment")).build()) {
      for (int i = 0; i < 3; i++) {
        tracer.buildSpan("POST /charge").start().finish();
        reporting.flush();
      }

      long sent = tracer.metrics().get(Metric.SPANS_SENT);
      long dropped = tracer.metrics().get(Metric.SPANS_DROPPED_SEND_FAILED);
      assertEquals(3, sent + dropped, tracer.metrics().toString());
    }
  }
}
