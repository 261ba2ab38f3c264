package dev.spoor.examples.agent;

import static dev.spoor.examples.testing.JaegerDatagrams.batch;
import static dev.spoor.examples.testing.JaegerDatagrams.boolTag;
import static dev.spoor.examples.testing.JaegerDatagrams.encode;
import static dev.spoor.examples.testing.JaegerDatagrams.send;
import static dev.spoor.examples.testing.JaegerDatagrams.sendAll;
import static dev.spoor.examples.testing.JaegerDatagrams.span;
import static dev.spoor.examples.testing.JaegerDatagrams.stringTag;
import static dev.spoor.examples.testing.JaegerDatagrams.withTags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InProcessJaegerAgentTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private InProcessJaegerAgent agent;

  @BeforeEach
  void startAgent() throws Exception {
    agent = InProcessJaegerAgent.start();
  }

  @AfterEach
  void closeAgent() {
    agent.close();
  }

  @Test
  void listensOnAnEphemeralLoopbackPort() {
    assertEquals("127.0.0.1", agent.host());
    assertTrue(agent.port() > 0);
  }

  @Test
  void groupsSpansFromSeveralServicesIntoTraces() throws Exception {
    sendAll(agent.port(),
        batch("cart-manager", span(0xa, 2, 1, "POST /cart", 1_100, 500)),
        batch("shop-gateway", span(0xa, 1, 0, "GET /checkout", 1_000, 900),
            span(0xb, 7, 0, "GET /health", 5_000, 10)));

    List<AssembledTrace> traces = agent.awaitTraces(2, WAIT);
    agent.awaitSpans(3, WAIT);
    traces = agent.traces();

    assertEquals(2, traces.size());
    AssembledTrace checkout = traces.get(0);
    assertEquals("000000000000000a", checkout.traceIdHex());
    assertEquals(List.of("cart-manager", "shop-gateway"), List.copyOf(checkout.serviceNames()));
    assertEquals(2, checkout.spans().size());
    ReceivedSpan cart = checkout.spansOf("cart-manager").get(0);
    assertEquals("POST /cart", cart.operationName());
    assertEquals(1L, cart.parentSpanId());
    assertEquals(1_100L, cart.startMicros());
    assertEquals(500L, cart.durationMicros());
    assertEquals("000000000000000b", traces.get(1).traceIdHex());
    assertEquals(2, agent.batches().size());
    assertEquals(2L, agent.datagramsReceived());
    assertEquals(0L, agent.datagramsRejected());
  }

  @Test
  void readsTagsOfEveryTypeAndTheErrorFlag() throws Exception {
    Span failing = withTags(span(0xc, 3, 0, "POST /charge", 10, 20),
        boolTag("error", true), stringTag("customer.tier", "gold"));
    sendAll(agent.port(), batch("payment", failing));

    ReceivedSpan received = agent.awaitSpans(1, WAIT).get(0);

    assertTrue(received.isError());
    assertEquals("gold", received.tag("customer.tier"));
    assertNull(received.tag("absent"));
    assertEquals("payment", received.serviceName());
  }

  @Test
  void findsTheParentThroughAChildOfReferenceWhenTheParentFieldIsZero() throws Exception {
    Span child = span(0xd, 5, 0, "async work", 10, 20);
    child.setReferences(List.of(
        new SpanRef(SpanRefType.FOLLOWS_FROM, 0xd, 0, 8),
        new SpanRef(SpanRefType.CHILD_OF, 0xd, 0, 4)));
    sendAll(agent.port(), batch("inventory", child));

    assertEquals(4L, agent.awaitSpans(1, WAIT).get(0).parentSpanId());
  }

  @Test
  void keeps128BitTraceIdsApart() throws Exception {
    Span high = span(0xe, 1, 0, "a", 1, 1).setTraceIdHigh(0x1234);
    Span low = span(0xe, 2, 0, "b", 1, 1);
    sendAll(agent.port(), batch("svc", high, low));

    List<AssembledTrace> traces = agent.awaitTraces(2, WAIT);

    assertEquals("0000000000001234000000000000000e", traces.get(0).traceIdHex());
    assertEquals("000000000000000e", traces.get(1).traceIdHex());
    assertEquals(1, agent.trace("0000000000001234000000000000000e").spans().size());
  }

  @Test
  void countsAndSurvivesDatagramsThatAreNotBatches() throws Exception {
    send("not thrift at all".getBytes(StandardCharsets.US_ASCII), agent.port());
    sendAll(agent.port(), batch("svc", span(0xf, 1, 0, "after garbage", 1, 1)));

    agent.awaitSpans(1, WAIT);

    assertEquals(2L, agent.datagramsReceived());
    assertEquals(1L, agent.datagramsRejected());
  }

  @Test
  void waitsForASpecificTraceToGrowToItsExpectedSize() throws Exception {
    sendAll(agent.port(), batch("a", span(0x11, 1, 0, "root", 1, 10)));
    sendAll(agent.port(), batch("b", span(0x11, 2, 1, "child", 2, 5)));

    AssembledTrace trace = agent.awaitTrace("0000000000000011", 2, WAIT);

    assertEquals(2, trace.spans().size());
  }

  @Test
  void timesOutWhenTooFewTracesArrive() {
    assertThrows(TimeoutException.class, () -> agent.awaitTraces(1, Duration.ofMillis(50)));
  }

  @Test
  void waitsForEveryDatagramSentSinceItStartedEvenAcrossAClear() throws Exception {
    sendAll(agent.port(), batch("a", span(0x12, 1, 0, "root", 1, 10)));
    agent.awaitDatagrams(1, WAIT);
    agent.clear();
    send("not thrift at all".getBytes(StandardCharsets.US_ASCII), agent.port());
    sendAll(agent.port(), batch("b", span(0x12, 2, 1, "child", 2, 5)));

    agent.awaitDatagrams(3, WAIT);

    assertEquals(1, agent.trace("0000000000000012").spans().size());
    assertThrows(TimeoutException.class, () -> agent.awaitDatagrams(4, Duration.ofMillis(50)));
  }

  @Test
  void forgetsWhatItReceivedWhenCleared() throws Exception {
    sendAll(agent.port(), batch("a", span(0x14, 1, 0, "root", 1, 10)));
    agent.awaitSpans(1, WAIT);

    agent.clear();
    sendAll(agent.port(), batch("a", span(0x15, 1, 0, "next", 1, 10)));
    agent.awaitSpans(1, WAIT);

    assertEquals(List.of("0000000000000015"),
        agent.traces().stream().map(AssembledTrace::traceIdHex).toList());
    assertEquals(1, agent.batches().size());
    assertEquals(2L, agent.datagramsReceived());
  }

  @Test
  void freesItsPortWhenClosed() throws Exception {
    int port = agent.port();
    agent.close();
    agent.close();

    try (DatagramSocket rebound = new DatagramSocket(port, java.net.InetAddress.getLoopbackAddress())) {
      assertEquals(port, rebound.getLocalPort());
    }
    assertThrows(TimeoutException.class, () -> agent.awaitTraces(1, WAIT));
  }

  @Test
  void decodesALargeBatchInOneDatagram() throws Exception {
    Span[] spans = new Span[200];
    for (int i = 0; i < spans.length; i++) {
      spans[i] = withTags(span(0x13, i + 1, i, "op-" + i, i, 1), stringTag("k", "v" + i));
    }
    byte[] datagram = encode(batch("bulk", spans));
    assertTrue(datagram.length > 4_000);
    send(datagram, agent.port());

    assertEquals(200, agent.awaitSpans(200, WAIT).size());
  }
}
