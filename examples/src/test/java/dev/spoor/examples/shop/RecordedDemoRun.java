package dev.spoor.examples.shop;

import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.agent.InProcessJaegerAgent;
import dev.spoor.examples.logging.TraceLogBuffer;
import dev.spoor.examples.page.RecordedTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a run of the real demo for tests of what is drawn from it: the four services of the
 * {@link IceCreamShop} over HTTP on 127.0.0.1, their spans sent by Spoor's {@code RemoteReporter}
 * as UDP datagrams to an {@link InProcessJaegerAgent} and decoded there with libthrift and
 * jaeger-thrift, the request loop of {@link ShopDemo} (checkout, flush, wait for every datagram
 * sent), and each trace's log lines from the {@link TraceLogBuffer}.
 */
public final class RecordedDemoRun {
  private static final Duration TRACE_WAIT = Duration.ofSeconds(20);

  private RecordedDemoRun() {}

  /**
   * Sends {@code requests} checkouts through the shop and returns their traces, in request order,
   * each with its log lines; request 4 is slow in inventory and request 5 fails in payment.
   */
  public static List<RecordedTrace> record(int requests) throws Exception {
    List<String> traceIds = new ArrayList<>();
    try (InProcessJaegerAgent agent = InProcessJaegerAgent.start();
        IceCreamShop shop = IceCreamShop.start(
            new RemoteSpanReporting(new AgentEndpoint(agent.host(), agent.port(), true)))) {
      for (int n = 1; n <= requests; n++) {
        traceIds.add(shop.checkout(n).traceIdHex());
        shop.flush();
        agent.awaitDatagrams(shop.messagesSent(), TRACE_WAIT);
      }
      List<RecordedTrace> recorded = new ArrayList<>();
      for (String traceId : traceIds) {
        AssembledTrace trace = agent.awaitTrace(traceId, 7, TRACE_WAIT);
        recorded.add(new RecordedTrace(trace, TraceLogBuffer.installed().entriesOf(traceId)));
      }
      return recorded;
    }
  }
}
