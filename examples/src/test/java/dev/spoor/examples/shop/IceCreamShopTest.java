package dev.spoor.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.examples.logging.TraceLogBuffer;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.reporter.Reporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the four real services over HTTP on 127.0.0.1 with in-memory reporters, and checks the
 * spans each request leaves behind. ({@link ShopDemoWithServicesTest} runs them over UDP, through
 * the in-process agent.)
 */
class IceCreamShopTest {
  private final Map<String, InMemoryReporter> reporters = new HashMap<>();
  private IceCreamShop shop;

  @BeforeEach
  void startShop() throws Exception {
    shop = IceCreamShop.start(new SpanReporting() {
      @Override
      public Reporter reporter(String serviceName) {
        return reporters.computeIfAbsent(serviceName, name -> new InMemoryReporter());
      }

      @Override
      public void flush() {}
    });
  }

  @AfterEach
  void closeShop() {
    shop.close();
  }

  private List<FinishedSpan> spansOf(String traceId) {
    // The wrappers finish a server span just after its response: wait for the services.
    shop.flush();
    List<FinishedSpan> spans = new ArrayList<>();
    for (InMemoryReporter reporter : reporters.values()) {
      for (FinishedSpan span : reporter.spans()) {
        if (span.context().toTraceId().equals(traceId)) {
          spans.add(span);
        }
      }
    }
    return spans;
  }

  @Test
  void eachRequestIsOneTreeAcrossTheFourServices() throws Exception {
    RequestOutcome outcome = shop.checkout(1);

    assertEquals(200, outcome.status(), outcome.summary());
    assertEquals(32, outcome.traceIdHex().length());
    List<FinishedSpan> spans = spansOf(outcome.traceIdHex());
    assertEquals(7, spans.size(), spans::toString);
    Set<Long> ids = new HashSet<>();
    Set<String> services = new HashSet<>();
    for (FinishedSpan span : spans) {
      ids.add(span.context().spanId());
      services.add(span.process().serviceName());
    }
    assertEquals(Set.of("shop-gateway", "cart-manager", "inventory", "payment"), services);
    int roots = 0;
    for (FinishedSpan span : spans) {
      if (span.context().parentId() == 0L) {
        roots++;
        assertEquals("shop-gateway", span.process().serviceName());
        assertEquals("GET /checkout", span.operationName());
      } else {
        assertTrue(ids.contains(span.context().parentId()), "parent of " + span + " is in");
      }
    }
    assertEquals(1, roots);
  }

  @Test
  void carriesTagsProcessTagsAndBaggageThroughTheCallTree() throws Exception {
    RequestOutcome outcome = shop.checkout(2);

    FinishedSpan edge = only(outcome.traceIdHex(), "shop-gateway", "GET /checkout");
    assertEquals("silver", edge.tags().get("customer.tier"));
    assertEquals(3, ((Number) edge.tags().get("order.items")).intValue());
    FinishedSpan payment = only(outcome.traceIdHex(), "payment", "POST /charge");
    assertEquals("Grace", payment.tags().get("payment.customer"));
    assertEquals("demo", payment.process().tags().get("env"));
    assertNotNull(payment.process().tags().get("datacenter"));
    assertFalse(only(outcome.traceIdHex(), "cart-manager", "POST /cart").logs().isEmpty());
  }

  @Test
  void failsEveryFifthRequestInPaymentWithAnErrorTaggedAllTheWayUp() throws Exception {
    RequestOutcome outcome = shop.checkout(IceCreamShop.FAIL_EVERY);

    assertEquals(502, outcome.status());
    assertEquals(Boolean.TRUE,
        only(outcome.traceIdHex(), "payment", "POST /charge").tags().get("error"));
    assertEquals(Boolean.TRUE,
        only(outcome.traceIdHex(), "shop-gateway", "GET /checkout").tags().get("error"));
    assertEquals(null,
        only(outcome.traceIdHex(), "inventory", "GET /stock").tags().get("error"));
  }

  @Test
  void slowsEveryFourthRequestInInventory() throws Exception {
    RequestOutcome outcome = shop.checkout(IceCreamShop.SLOW_EVERY);

    FinishedSpan stock = only(outcome.traceIdHex(), "inventory", "GET /stock");
    assertEquals("miss", stock.tags().get("inventory.cache"));
    assertTrue(stock.durationMicros() >= IceCreamShop.SLOW_MILLIS * 1000, stock::toString);
  }

  @Test
  void logsLinesThatCarryTheTraceIdOfTheRequest() throws Exception {
    RequestOutcome outcome = shop.checkout(3);

    List<String> lines = TraceLogBuffer.installed().linesOf(outcome.traceIdHex());
    assertTrue(lines.size() >= 4, lines::toString);
    assertTrue(lines.stream().anyMatch(line -> line.contains(" service=payment ")), lines::toString);
    assertTrue(lines.stream().allMatch(line -> line.contains(" traceID=" + outcome.traceIdHex()
        + " spanID=")), lines::toString);
  }

  private FinishedSpan only(String traceId, String service, String operation) {
    FinishedSpan found = null;
    for (FinishedSpan span : spansOf(traceId)) {
      if (span.process().serviceName().equals(service)
          && span.operationName().equals(operation)
          && "server".equals(span.tags().get("span.kind"))) {
        assertEquals(null, found, "one " + operation + " server span in " + service);
        found = span;
      }
    }
    assertNotNull(found, service + " " + operation);
    return found;
  }
}
