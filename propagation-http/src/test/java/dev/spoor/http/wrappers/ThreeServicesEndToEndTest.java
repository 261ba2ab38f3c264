package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpHandler;
import dev.spoor.SpoorSpan;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three services, each with its own tracer, on wrapped JDK servers calling each other through the
 * wrapped client: the spans of all three form one tree, joined only by the headers on the wire.
 */
class ThreeServicesEndToEndTest {
  private final ClientPool pool = new ClientPool();
  private final RecordingTracer edge = new RecordingTracer("edge");
  private final RecordingTracer orders = new RecordingTracer("orders");
  private final RecordingTracer stock = new RecordingTracer("stock");
  private LoopbackJdkServer ordersServer;
  private LoopbackJdkServer stockServer;

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
  }

  @Test
  void spansOfThreeServicesFormOneTree() throws Exception {
    stockServer = LoopbackJdkServer.start().handle("/stock", TracingHttpHandler.create(
        stock.tracer, exchange -> LoopbackJdkServer.respond(exchange, 200, "7 left")));
    HttpClient ordersClient = TracingHttpClient.create(orders.tracer, pool.plainClient());
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
        .handle("/orders", TracingHttpHandler.create(orders.tracer, placeOrder));
    HttpClient edgeClient = TracingHttpClient.create(edge.tracer, pool.plainClient());

    Span root = edge.tracer.buildSpan("checkout").start();
    String body;
    try (Scope ignored = edge.tracer.activateSpan(root)) {
      body = edgeClient.send(HttpRequest.newBuilder(ordersServer.uri("/orders"))
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } finally {
      root.finish();
    }

    assertEquals("ordered, 7 left", body);
    SpoorSpan edgeClientSpan = edge.awaitSpan("client");
    SpoorSpan ordersServerSpan = orders.awaitSpan("server");
    SpoorSpan ordersClientSpan = orders.awaitSpan("client");
    SpoorSpan stockServerSpan = stock.awaitSpan("server");

    assertEquals(((SpoorSpan) root).context().spanId(), edgeClientSpan.context().parentId());
    RecordingTracer.assertParent(edgeClientSpan, ordersServerSpan);
    RecordingTracer.assertParent(ordersServerSpan, ordersClientSpan);
    RecordingTracer.assertParent(ordersClientSpan, stockServerSpan);
    assertEquals(((SpoorSpan) root).context().toTraceId(), stockServerSpan.context().toTraceId());

    assertEquals("stock", stockServerSpan.process().serviceName());
    assertEquals("POST /orders", ordersServerSpan.operationName());
    assertEquals("GET /stock", stockServerSpan.operationName());
    assertEquals(201, ordersServerSpan.tags().get("http.status_code"));
    assertEquals(201, edgeClientSpan.tags().get("http.status_code"));
    assertEquals(200, ordersClientSpan.tags().get("http.status_code"));
    assertEquals("http://127.0.0.1:" + stockServer.port() + "/stock/42",
        stockServerSpan.tags().get("http.url"));
    for (SpoorSpan span : new SpoorSpan[] {
        edgeClientSpan, ordersServerSpan, ordersClientSpan, stockServerSpan}) {
      assertNull(span.tags().get("error"), span.toString());
    }
  }
}
