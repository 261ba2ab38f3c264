package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.spoor.FinishedSpan;
import dev.spoor.metrics.Metric;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A wrapped JDK server on 127.0.0.1 called by the wrapped java.net.http client. */
class TracingHttpHandlerAndClientTest {
  private final RecordingTracer recording = new RecordingTracer();
  private final ClientPool pool = new ClientPool();
  private volatile HttpHandler behaviour = exchange -> respond(exchange, 200, "ok");
  private LoopbackJdkServer server;
  private HttpClient client;
  private int port;

  @BeforeEach
  void startServer() throws IOException {
    startServer(HttpTracing.create(recording.tracer));
    client = TracingHttpClient.create(recording.tracer,
        pool.plainClient());
  }

  private void startServer(HttpTracing tracing) throws IOException {
    server = LoopbackJdkServer.start()
        .handle("/orders", TracingHttpHandler.create(tracing, e -> behaviour.handle(e)));
    port = server.port();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
    pool.close();
    recording.close();
  }

  @Test
  void clientSpanIsTheParentOfTheServerSpanInOneTrace() throws Exception {
    AtomicReference<String> activeSpanId = new AtomicReference<>();
    AtomicReference<String> mdcTraceId = new AtomicReference<>();
    AtomicReference<String> mdcSpanId = new AtomicReference<>();
    behaviour = exchange -> {
      Span active = recording.tracer.activeSpan();
      activeSpanId.set(active == null ? null : active.context().toSpanId());
      mdcTraceId.set(MDC.get("traceId"));
      mdcSpanId.set(MDC.get("spanId"));
      respond(exchange, 200, "ok");
    };

    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(uri("/orders/42?x=1")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    FinishedSpan serverSpan = recording.awaitSpan("server");
    FinishedSpan clientSpan = recording.awaitSpan("client");
    RecordingTracer.assertParent(clientSpan, serverSpan);
    assertEquals(serverSpan.context().toSpanId(), activeSpanId.get());
    assertEquals(serverSpan.context().toTraceId(), mdcTraceId.get());
    assertEquals(serverSpan.context().toSpanId(), mdcSpanId.get());

    String url = "http://127.0.0.1:" + port + "/orders/42?x=1";
    assertEquals("GET /orders", serverSpan.operationName());
    RecordingTracer.assertHttpTags(serverSpan, "server", "java-httpserver", "GET", url, 200);
    assertTrue((Integer) serverSpan.tags().get("peer.port") > 0);
    assertEquals("GET", clientSpan.operationName());
    RecordingTracer.assertHttpTags(clientSpan, "client", "java-httpclient", "GET", url, 200);
    assertEquals(port, clientSpan.tags().get("peer.port"));
  }

  @Test
  void clientSpanIsAChildOfTheActiveSpan() throws Exception {
    Span parent = recording.tracer.buildSpan("checkout").start();
    try (Scope ignored = recording.tracer.activateSpan(parent)) {
      client.send(HttpRequest.newBuilder(uri("/orders")).build(),
          HttpResponse.BodyHandlers.discarding());
    } finally {
      parent.finish();
    }

    FinishedSpan clientSpan = recording.awaitSpan("client");
    assertEquals(parent.context().toTraceId(), clientSpan.context().toTraceId());
    assertEquals(((dev.spoor.SpoorSpanContext) parent.context()).spanId(),
        clientSpan.context().parentId());
    RecordingTracer.assertParent(clientSpan, recording.awaitSpan("server"));
  }

  @Test
  void serverErrorStatusMarksBothSpansAsErrors() throws Exception {
    behaviour = exchange -> respond(exchange, 503, "busy");

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/orders")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(503, response.statusCode());
    for (String kind : new String[] {"server", "client"}) {
      FinishedSpan span = recording.awaitSpan(kind);
      assertEquals(503, span.tags().get("http.status_code"), kind);
      assertEquals(true, span.tags().get("error"), kind);
      assertEquals("HTTP status 503", RecordingTracer.errorLog(span).get("message"), kind);
    }
  }

  @Test
  void notFoundIsNotAnErrorOnEitherSideByDefault() throws Exception {
    behaviour = exchange -> respond(exchange, 404, "no such order");

    client.send(HttpRequest.newBuilder(uri("/orders/7")).build(),
        HttpResponse.BodyHandlers.discarding());

    for (String kind : new String[] {"server", "client"}) {
      FinishedSpan span = recording.awaitSpan(kind);
      assertEquals(404, span.tags().get("http.status_code"), kind);
      assertNull(span.tags().get("error"), kind);
      assertFalse(RecordingTracer.hasErrorLog(span), kind);
    }
  }

  @Test
  void clientCanCountFourHundredsAsErrors() throws Exception {
    behaviour = exchange -> respond(exchange, 404, "no such order");
    HttpClient strict = TracingHttpClient.create(
        HttpTracing.builder(recording.tracer).clientErrorStatus(400).build(),
        pool.plainClient());

    strict.send(HttpRequest.newBuilder(uri("/orders/7")).build(),
        HttpResponse.BodyHandlers.discarding());

    FinishedSpan clientSpan = recording.awaitSpan("client");
    assertEquals(true, clientSpan.tags().get("error"));
    assertEquals("HTTP status 404", RecordingTracer.errorLog(clientSpan).get("message"));
    assertNull(recording.awaitSpan("server").tags().get("error"));
  }

  @Test
  void handlerExceptionIsTaggedAndRethrownUnchanged() throws Exception {
    IllegalStateException boom = new IllegalStateException("boom");
    AtomicReference<Throwable> escaped = new AtomicReference<>();
    HttpHandler throwing = TracingHttpHandler.create(recording.tracer, exchange -> {
      throw boom;
    });
    server.handle("/explode", exchange -> {
      try {
        throwing.handle(exchange);
      } catch (RuntimeException e) {
        escaped.set(e);
        respond(exchange, 500, "failed");
      }
    });

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/explode")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(500, response.statusCode());
    assertSame(boom, escaped.get());
    FinishedSpan serverSpan = recording.awaitSpan("server");
    assertEquals("GET /explode", serverSpan.operationName());
    assertEquals(true, serverSpan.tags().get("error"));
    assertNull(serverSpan.tags().get("http.status_code"), "no response was sent inside the span");
    Map<String, ?> log = RecordingTracer.errorLog(serverSpan);
    assertSame(boom, log.get("error.object"));
    assertEquals("boom", log.get("message"));
    assertEquals("java.lang.IllegalStateException", log.get("error.kind"));
    RecordingTracer.assertParent(recording.awaitSpan("client"), serverSpan);
  }

  @Test
  void sendAsyncFinishesTheClientSpanWhenTheResponseArrives() throws Exception {
    HttpResponse<String> response = client.sendAsync(
        HttpRequest.newBuilder(uri("/orders")).POST(HttpRequest.BodyPublishers.ofString("{}"))
            .header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);

    assertEquals(200, response.statusCode());
    FinishedSpan clientSpan = recording.awaitSpan("client");
    FinishedSpan serverSpan = recording.awaitSpan("server");
    RecordingTracer.assertParent(clientSpan, serverSpan);
    assertEquals("POST", clientSpan.tags().get("http.method"));
    assertEquals(200, clientSpan.tags().get("http.status_code"));
    assertEquals("POST /orders", serverSpan.operationName());
  }

  @Test
  void failedConnectionIsAClientError() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    HttpRequest request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + closedPort + "/nowhere")).build();

    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
            .get(10, TimeUnit.SECONDS));

    assertTrue(failure.getCause() instanceof ConnectException, failure.toString());
    FinishedSpan clientSpan = recording.awaitSpan("client");
    assertEquals(true, clientSpan.tags().get("error"));
    assertNull(clientSpan.tags().get("http.status_code"));
    assertEquals(ConnectException.class.getName(),
        RecordingTracer.errorLog(clientSpan).get("error.kind"));
    assertThrows(ConnectException.class,
        () -> client.send(request, HttpResponse.BodyHandlers.discarding()));
  }

  @Test
  void webSocketsAreBuiltByTheDelegate() {
    assertNotNull(client.newWebSocketBuilder());
  }

  @Test
  void urlTagsCarryNoUserInfoNorCredentials() throws Exception {
    AtomicReference<String> authorization = new AtomicReference<>();
    behaviour = exchange -> {
      authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      respond(exchange, 200, "ok");
    };

    client.send(HttpRequest.newBuilder(
            uri("/orders?access_token=s3cret&page=2&Signature=abc"))
            .header("Authorization", "Bearer kept-out-of-tags").build(),
        HttpResponse.BodyHandlers.discarding());

    String expected =
        "http://127.0.0.1:" + port + "/orders?access_token=REDACTED&page=2&Signature=REDACTED";
    assertEquals(expected, recording.awaitSpan("client").tags().get("http.url"));
    assertEquals(expected, recording.awaitSpan("server").tags().get("http.url"));
    assertEquals("Bearer kept-out-of-tags", authorization.get());
  }

  @Test
  void namerAndDecoratorShapeTheSpansAndTheirFailuresStayInside() throws Exception {
    server.close();
    HttpTracing custom = HttpTracing.builder(recording.tracer)
        .serverOperationNamer(request -> request.method() + " " + request.path())
        .serverDecorator(new HttpSpanDecorator() {
          @Override
          public void onRequest(HttpRequestInfo request, Span span) {
            span.setTag("tenant", request.header("X-Tenant"));
          }

          @Override
          public void onResponse(HttpRequestInfo request, int status, Throwable error, Span span) {
            throw new IllegalStateException("decorator bug");
          }
        })
        .build();
    startServer(custom);

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/orders/9"))
        .header("X-Tenant", "acme").build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("ok", response.body());
    FinishedSpan serverSpan = recording.awaitSpan("server");
    assertEquals("GET /orders/9", serverSpan.operationName());
    assertEquals("acme", serverSpan.tags().get("tenant"));
    assertEquals(1, custom.instrumentationErrors());
    assertEquals(1, recording.tracer.metrics().get(Metric.INSTRUMENTATION_ERRORS));
  }

  @Test
  void namerThatFailsFallsBackToTheMethod() throws Exception {
    HttpClient namedBadly = TracingHttpClient.create(HttpTracing.builder(recording.tracer)
            .clientOperationNamer(request -> null).build(),
        pool.plainClient());

    namedBadly.send(HttpRequest.newBuilder(uri("/orders")).build(),
        HttpResponse.BodyHandlers.discarding());

    assertEquals("GET", recording.awaitSpan("client").operationName());
    assertNotNull(recording.awaitSpan("server"));
  }

  private URI uri(String pathAndQuery) {
    return server.uri(pathAndQuery);
  }

  private static void respond(HttpExchange exchange, int status, String body)
      throws IOException {
    LoopbackJdkServer.respond(exchange, status, body);
  }
}
