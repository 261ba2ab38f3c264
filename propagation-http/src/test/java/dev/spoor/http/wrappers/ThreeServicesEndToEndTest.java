package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpHandler;
import dev.spoor.SpoorTracer;
import dev.spoor.reporter.RemoteReporter;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.Tag;
import io.opentracing.Scope;
import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three services, each with its own tracer and UDP reporter, on wrapped JDK servers calling each
 * other through the wrapped client. Only the headers on the wire join them; every span is read
 * back from the datagrams by libthrift and jaeger-thrift, and they form one tree.
 */
class ThreeServicesEndToEndTest {
  private final ClientPool pool = new ClientPool();
  private final JaegerAgentStandIn agent = new JaegerAgentStandIn();
  private final SpoorTracer edge = reportingToAgent("edge");
  private final SpoorTracer orders = reportingToAgent("orders");
  private final SpoorTracer stock = reportingToAgent("stock");
  private LoopbackJdkServer ordersServer;
  private LoopbackJdkServer stockServer;

  ThreeServicesEndToEndTest() throws SocketException {}

  private SpoorTracer reportingToAgent(String service) {
    return SpoorTracer.builder(service)
        .reporter(RemoteReporter.builder().agentHost("127.0.0.1").agentPort(agent.port())
            .flushInterval(20, TimeUnit.MILLISECONDS).build())
        .build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (ordersServer != null) {
      ordersServer.close();
    }
    if (stockServer != null) {
      stockServer.close();
    }
    pool.close();
    edge.close();
    orders.close();
    stock.close();
    agent.close();
  }

  @Test
  void spansOfThreeServicesReachTheAgentAsOneTree() throws Exception {
    stockServer = LoopbackJdkServer.start().handle("/stock", TracingHttpHandler.create(
        stock, exchange -> LoopbackJdkServer.respond(exchange, 200, "7 left")));
    HttpClient ordersClient = TracingHttpClient.create(orders, pool.plainClient());
    URI stockUri = stockServer.uri("/stock/42");
    HttpHandler placeOrder = exchange -> {
      try {
        String stockLevel = ordersClient.send(HttpRequest.newBuilder(stockUri).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        LoopbackJdkServer.respond(exchange, 201, "ordered, " + stockLevel);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    };
    ordersServer = LoopbackJdkServer.start()
        .handle("/orders", TracingHttpHandler.create(orders, placeOrder));
    HttpClient edgeClient = TracingHttpClient.create(edge, pool.plainClient());

    io.opentracing.Span checkout = edge.buildSpan("checkout").start();
    String body;
    try (Scope ignored = edge.activateSpan(checkout)) {
      body = edgeClient.send(HttpRequest.newBuilder(ordersServer.uri("/orders"))
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } finally {
      checkout.finish();
    }
    assertEquals("ordered, 7 left", body);

    ReceivedTree tree = new ReceivedTree(agent.awaitSpans(5));
    assertEquals(5, tree.size(), "spans received");
    Span root = tree.only("edge", null);
    Span edgeClientSpan = tree.only("edge", "client");
    Span ordersServerSpan = tree.only("orders", "server");
    Span ordersClientSpan = tree.only("orders", "client");
    Span stockServerSpan = tree.only("stock", "server");
    tree.assertOneTreeUnder(root);
    assertEquals("checkout", root.getOperationName());
    assertEquals(root.getSpanId(), edgeClientSpan.getParentSpanId());
    assertEquals(edgeClientSpan.getSpanId(), ordersServerSpan.getParentSpanId());
    assertEquals(ordersServerSpan.getSpanId(), ordersClientSpan.getParentSpanId());
    assertEquals(ordersClientSpan.getSpanId(), stockServerSpan.getParentSpanId());

    assertEquals("POST /orders", ordersServerSpan.getOperationName());
    assertEquals("GET /stock", stockServerSpan.getOperationName());
    assertHttpTags(edgeClientSpan, TracingHttpClient.COMPONENT, "POST",
        ordersServer.uri("/orders").toString(), 201);
    assertHttpTags(ordersServerSpan, TracingHttpHandler.COMPONENT, "POST",
        ordersServer.uri("/orders").toString(), 201);
    assertHttpTags(ordersClientSpan, TracingHttpClient.COMPONENT, "GET", stockUri.toString(), 200);
    assertHttpTags(stockServerSpan, TracingHttpHandler.COMPONENT, "GET", stockUri.toString(), 200);
  }

  private static void assertHttpTags(Span span, String component, String method, String url,
      long status) {
    Map<String, Object> tags = ReceivedTree.tags(span);
    assertEquals(component, tags.get("component"), span.toString());
    assertEquals(method, tags.get("http.method"), span.toString());
    assertEquals(url, tags.get("http.url"), span.toString());
    assertEquals(status, tags.get("http.status_code"), span.toString());
    assertNull(tags.get("error"), span.toString());
  }

  /** The decoded batches of one trace, with each span's service name. */
  private static final class ReceivedTree {
    private final Map<Long, Span> byId = new HashMap<>();
    private final Map<Long, String> serviceById = new HashMap<>();

    ReceivedTree(Iterable<Batch> batches) {
      for (Batch batch : batches) {
        for (Span span : batch.getSpans()) {
          if (byId.put(span.getSpanId(), span) != null) {
            fail("span reported twice: " + span);
          }
          serviceById.put(span.getSpanId(), batch.getProcess().getServiceName());
        }
      }
    }

    int size() {
      return byId.size();
    }

    /** The one span of {@code service} whose span.kind is {@code kind} (null: no kind tag). */
    Span only(String service, String kind) {
      Span found = null;
      for (Span span : byId.values()) {
        if (service.equals(serviceById.get(span.getSpanId()))
            && Objects.equals(kind, tags(span).get("span.kind"))) {
          assertNull(found, "two " + kind + " spans of " + service);
          found = span;
        }
      }
      assertNotNull(found, "no " + kind + " span of " + service + " in " + byId.values());
      return found;
    }

    /** Every span shares the root's trace id and reaches the root through received parents. */
    void assertOneTreeUnder(Span root) {
      assertEquals(0, root.getParentSpanId(), "the root has no parent");
      for (Span span : byId.values()) {
        assertEquals(root.getTraceIdLow(), span.getTraceIdLow(), span.toString());
        assertEquals(root.getTraceIdHigh(), span.getTraceIdHigh(), span.toString());
        Span step = span;
        for (int hops = 0; step != root; hops++) {
          step = byId.get(step.getParentSpanId());
          assertNotNull(step, "a parent was not received: " + span);
          assertTrue(hops < byId.size(), "a cycle through " + span);
        }
      }
    }

    /** The span's tags by key, as the Java values jaeger-thrift decoded. */
    static Map<String, Object> tags(Span span) {
      Map<String, Object> tags = new HashMap<>();
      if (span.getTags() != null) {
        for (Tag tag : span.getTags()) {
          switch (tag.getVType()) {
            case STRING -> tags.put(tag.getKey(), tag.getVStr());
            case LONG -> tags.put(tag.getKey(), tag.getVLong());
            case BOOL -> tags.put(tag.getKey(), tag.isVBool());
            case DOUBLE -> tags.put(tag.getKey(), tag.getVDouble());
            default -> tags.put(tag.getKey(), tag.getVBinary());
          }
        }
      }
      return tags;
    }
  }
}
