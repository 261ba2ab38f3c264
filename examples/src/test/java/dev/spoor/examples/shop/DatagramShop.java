package dev.spoor.examples.shop;

import static dev.spoor.examples.testing.JaegerDatagrams.batch;
import static dev.spoor.examples.testing.JaegerDatagrams.boolTag;
import static dev.spoor.examples.testing.JaegerDatagrams.sendFrom;
import static dev.spoor.examples.testing.JaegerDatagrams.span;
import static dev.spoor.examples.testing.JaegerDatagrams.stringTag;
import static dev.spoor.examples.testing.JaegerDatagrams.withTags;

import dev.spoor.examples.agent.TraceIds;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Span;
import java.io.IOException;
import java.net.DatagramSocket;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A stand-in for the four services: each checkout sends the spans a real request would produce,
 * as libthrift-encoded datagrams from a real UDP socket, to the agent the demo chose, and logs a
 * line per service with the trace in the MDC. The edge's batch is held back until
 * {@link #flush()}, as a reporter's queue would hold it. Even requests fail in payment.
 */
final class DatagramShop implements DemoShop {
  static final long TRACE_ID_HIGH = 0x0af7651916cd43ddL;
  static final int SPANS_PER_REQUEST = 7;

  private static final Logger logger = LoggerFactory.getLogger(DatagramShop.class);

  private final AgentEndpoint agent;
  private final DatagramSocket socket;
  private final List<Batch> heldBack = new ArrayList<>();
  private long messagesSent;

  DatagramShop(AgentEndpoint agent) throws IOException {
    this.agent = agent;
    this.socket = new DatagramSocket();
  }

  static String traceIdOf(int request) {
    return TraceIds.traceIdHex(TRACE_ID_HIGH, request);
  }

  @Override
  public RequestOutcome checkout(int request) {
    long t0 = System.currentTimeMillis() * 1000L;
    boolean fails = request % 2 == 0;
    Span payment = withTags(spanOf(request, 7, 6, "POST /charge", t0 + 6_000, 3_000),
        stringTag("span.kind", "server"));
    if (fails) {
      withTags(payment, boolTag("error", true));
    }
    send(batch("inventory", withTags(spanOf(request, 5, 4, "GET /stock", t0 + 2_500, 2_000),
        stringTag("span.kind", "server"))));
    send(batch("payment", payment));
    send(batch("cart-manager",
        spanOf(request, 3, 2, "POST /cart", t0 + 1_000, 8_500),
        withTags(spanOf(request, 4, 3, "GET /stock", t0 + 2_000, 3_000),
            stringTag("span.kind", "client")),
        withTags(spanOf(request, 6, 3, "POST /charge", t0 + 5_500, 4_000),
            stringTag("span.kind", "client"))));
    heldBack.add(batch("shop-gateway",
        spanOf(request, 1, 0, "GET /checkout", t0, 10_000),
        withTags(spanOf(request, 2, 1, "POST /cart", t0 + 500, 9_250),
            stringTag("span.kind", "client"))));
    log(request, "shop-gateway", 1, "checkout for Ada");
    log(request, "payment", 7, fails ? "card declined" : "charged card");
    return new RequestOutcome(traceIdOf(request), fails ? 503 : 200,
        fails ? "payment failed" : "2 scoops for Ada");
  }

  @Override
  public void flush() {
    for (Batch batch : heldBack) {
      send(batch);
    }
    heldBack.clear();
  }

  @Override
  public long messagesSent() {
    return messagesSent;
  }

  @Override
  public void close() {
    flush();
    socket.close();
  }

  private static Span spanOf(int request, long spanId, long parentId, String operation,
      long start, long duration) {
    return span(request, spanId, parentId, operation, start, duration)
        .setTraceIdHigh(TRACE_ID_HIGH);
  }

  private static void log(int request, String service, long spanId, String message) {
    MDC.put("service", service);
    MDC.put("traceID", traceIdOf(request));
    MDC.put("spanID", TraceIds.spanIdHex(spanId));
    try {
      logger.info(message);
    } finally {
      MDC.clear();
    }
  }

  private void send(Batch batch) {
    sendFrom(socket, batch, agent.host(), agent.port());
    messagesSent++;
  }
}
