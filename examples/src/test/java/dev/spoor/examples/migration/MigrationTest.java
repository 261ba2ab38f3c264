package dev.spoor.examples.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import dev.spoor.examples.agent.InProcessJaegerAgent;
import dev.spoor.examples.agent.ReceivedSpan;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The order service before (jaeger-client-java 1.8.1) and after (Spoor), each run with the same
 * JAEGER_* settings against a real stock service over HTTP and a Jaeger agent on UDP: the same
 * spans arrive, the log lines carry the same MDC keys, and the headers differ as the README says.
 */
class MigrationTest {
  private static final List<String> SETTINGS = List.of("JAEGER_SERVICE_NAME", "JAEGER_AGENT_HOST",
      "JAEGER_AGENT_PORT", "JAEGER_SAMPLER_TYPE", "JAEGER_SAMPLER_PARAM");

  /** What one run of a service produced. */
  private static final class Run {
    final List<ReceivedSpan> spans;
    final Map<String, String> stockHeaders;
    final List<ILoggingEvent> logs;

    Run(List<ReceivedSpan> spans, Map<String, String> stockHeaders, List<ILoggingEvent> logs) {
      this.spans = spans;
      this.stockHeaders = stockHeaders;
      this.logs = logs;
    }
  }

  @FunctionalInterface
  private interface Main {
    void run(String[] args) throws Exception;
  }

  @AfterEach
  void clearSettings() {
    SETTINGS.forEach(System::clearProperty);
  }

  /**
   * Runs {@code main} with jaeger-client-java's variables as system properties (both tracers
   * read a property before the environment variable of the same name).
   */
  private static Run run(Main main) throws Exception {
    Map<String, String> stockHeaders = new ConcurrentHashMap<>();
    HttpServer stock = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stock.createContext("/stock", exchange -> {
      exchange.getRequestHeaders().forEach((name, values) ->
          stockHeaders.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
      byte[] body = "7 in stock".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    Logger logger = (Logger) LoggerFactory.getLogger("dev.spoor.examples.migration");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    stock.start();
    try (InProcessJaegerAgent agent = InProcessJaegerAgent.start()) {
      System.setProperty("JAEGER_SERVICE_NAME", "orders");
      System.setProperty("JAEGER_AGENT_HOST", agent.host());
      System.setProperty("JAEGER_AGENT_PORT", Integer.toString(agent.port()));
      System.setProperty("JAEGER_SAMPLER_TYPE", "const");
      System.setProperty("JAEGER_SAMPLER_PARAM", "1");
      main.run(new String[] {"http://127.0.0.1:" + stock.getAddress().getPort() + "/stock"});
      List<ReceivedSpan> spans = agent.awaitSpans(2, Duration.ofSeconds(20));
      return new Run(spans, stockHeaders, List.copyOf(logs.list));
    } finally {
      stock.stop(0);
      logger.detachAppender(logs);
    }
  }

  private static void assertSameService(Run run) {
    Set<String> operations = new TreeSet<>();
    for (ReceivedSpan span : run.spans) {
      operations.add(span.operationName());
      assertEquals("orders", span.serviceName());
      assertEquals(run.spans.get(0).traceIdLow(), span.traceIdLow(), "one trace");
    }
    assertEquals(Set.of("GET /stock", "place-order"), operations);
    long traceId = run.spans.get(0).traceIdLow();

    String uberTraceId = run.stockHeaders.get("uber-trace-id");
    assertEquals(traceId, Long.parseUnsignedLong(uberTraceId.split(":")[0], 16), uberTraceId);

    assertEquals(2, run.logs.size(), run.logs::toString);
    for (ILoggingEvent line : run.logs) {
      Map<String, String> mdc = line.getMDCPropertyMap();
      assertEquals(traceId, Long.parseUnsignedLong(mdc.get("traceID"), 16), line.toString());
      assertTrue(mdc.containsKey("spanID"), mdc::toString);
      assertNull(mdc.get("traceId"), "only the keys the service chose");
    }
    assertEquals("stock service answered 7 in stock", run.logs.get(1).getFormattedMessage());
  }

  @Test
  void beforeOnJaegerClientJava() throws Exception {
    Run run = run(dev.spoor.examples.migration.before.OrderService::main);
    assertSameService(run);
    assertFalse(run.stockHeaders.containsKey("traceparent"), "jaeger-client-java: Jaeger only");
  }

  @Test
  void afterOnSpoorTheSameSpansAndLogsPlusW3cHeaders() throws Exception {
    Run run = run(dev.spoor.examples.migration.after.OrderService::main);
    assertSameService(run);
    String traceparent = run.stockHeaders.get("traceparent");
    assertTrue(traceparent != null && traceparent.startsWith("00-"), run.stockHeaders::toString);
    assertEquals(run.spans.get(0).traceIdLow(),
        Long.parseUnsignedLong(traceparent.substring(19, 35), 16), traceparent);
  }
}
