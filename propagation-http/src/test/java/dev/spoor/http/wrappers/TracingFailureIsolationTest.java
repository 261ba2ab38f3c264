package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.spoor.SpoorSpan;
import dev.spoor.metrics.Metric;
import io.opentracing.Scope;
import io.opentracing.ScopeManager;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.propagation.Format;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures of the tracer or of bad input never reach the request; they are counted. */
class TracingFailureIsolationTest {
  private final RecordingTracer recording = new RecordingTracer();
  private final ExecutorService clientExecutor = Executors.newFixedThreadPool(2);
  private final HttpClient plainClient = HttpClient.newBuilder().executor(clientExecutor).build();
  private HttpServer server;
  private int port;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.stop(0);
    clientExecutor.shutdownNow();
    assertTrue(clientExecutor.awaitTermination(10, TimeUnit.SECONDS));
    recording.close();
  }

  @Test
  void tracerThatThrowsOnInjectAndExtractLeavesTheExchangeIntact() throws Exception {
    HttpTracing broken = HttpTracing.create(new PropagationFailingTracer(recording.tracer));
    server.createContext("/", TracingHttpHandler.create(broken,
        exchange -> TracingHttpHandlerAndClientTest.respond(exchange, 200, "fine")));
    HttpClient client = TracingHttpClient.create(broken, plainClient);

    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(TracingHttpHandlerAndClientTest.uriOn(port, "/x")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals("fine", response.body());
    SpoorSpan serverSpan = recording.awaitSpan("server");
    SpoorSpan clientSpan = recording.awaitSpan("client");
    assertEquals(0, serverSpan.context().parentId(), "nothing was propagated: a new trace");
    assertEquals(200, clientSpan.tags().get("http.status_code"));
    assertEquals(2, broken.instrumentationErrors(), "one inject and one extract");
  }

  @Test
  void malformedIncomingHeaderStartsANewTraceAndIsCounted() throws Exception {
    server.createContext("/", TracingHttpHandler.create(recording.tracer,
        exchange -> TracingHttpHandlerAndClientTest.respond(exchange, 200, "fine")));

    HttpResponse<String> response = plainClient.send(
        HttpRequest.newBuilder(TracingHttpHandlerAndClientTest.uriOn(port, "/x"))
            .header("uber-trace-id", "not:a:valid\u00e9:context").build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    SpoorSpan serverSpan = recording.awaitSpan("server");
    assertEquals(0, serverSpan.context().parentId());
    assertNull(serverSpan.tags().get("error"));
    assertEquals(1, recording.tracer.metrics().get(Metric.EXTRACT_ERRORS));
  }

  /** Delegates to a working tracer except for propagation, which always throws. */
  private static final class PropagationFailingTracer implements Tracer {
    private final Tracer delegate;

    PropagationFailingTracer(Tracer delegate) {
      this.delegate = delegate;
    }

    @Override
    public ScopeManager scopeManager() {
      return delegate.scopeManager();
    }

    @Override
    public Span activeSpan() {
      return delegate.activeSpan();
    }

    @Override
    public Scope activateSpan(Span span) {
      return delegate.activateSpan(span);
    }

    @Override
    public SpanBuilder buildSpan(String operationName) {
      return delegate.buildSpan(operationName);
    }

    @Override
    public <C> void inject(SpanContext spanContext, Format<C> format, C carrier) {
      throw new IllegalStateException("inject is broken");
    }

    @Override
    public <C> SpanContext extract(Format<C> format, C carrier) {
      throw new IllegalStateException("extract is broken");
    }

    @Override
    public void close() {}
  }
}
