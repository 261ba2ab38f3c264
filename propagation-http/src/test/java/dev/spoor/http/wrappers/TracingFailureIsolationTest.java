package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.spoor.FinishedSpan;
import dev.spoor.metrics.Metric;
import io.opentracing.Scope;
import io.opentracing.ScopeManager;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.propagation.Format;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever the tracer is configured with or fails at: the wrapped server continues a W3C trace
 * through the tracer's codecs, and failures of the tracer or bad input never reach the exchange.
 */
class TracingFailureIsolationTest {
  private final RecordingTracer recording = new RecordingTracer();
  private final ClientPool pool = new ClientPool();
  private final HttpClient plainClient = pool.plainClient();
  private LoopbackJdkServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = LoopbackJdkServer.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
    pool.close();
    recording.close();
  }

  @Test
  void tracerThatThrowsOnInjectAndExtractLeavesTheExchangeIntact() throws Exception {
    HttpTracing broken = HttpTracing.create(new BrokenTracer(recording.tracer, false));
    server.handle("/", TracingHttpHandler.create(broken,
        exchange -> LoopbackJdkServer.respond(exchange, 200, "fine")));
    HttpClient client = TracingHttpClient.create(broken, plainClient);

    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(server.uri("/x")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals("fine", response.body());
    FinishedSpan serverSpan = recording.awaitSpan("server");
    FinishedSpan clientSpan = recording.awaitSpan("client");
    assertEquals(0, serverSpan.context().parentId(), "nothing was propagated: a new trace");
    assertEquals(200, clientSpan.tags().get("http.status_code"));
    assertEquals(2, broken.instrumentationErrors(), "one inject and one extract");
  }

  @Test
  void tracerThatCannotStartSpansLeavesTheExchangeUntracedButIntact() throws Exception {
    HttpTracing broken = HttpTracing.create(new BrokenTracer(recording.tracer, true));
    server.handle("/", TracingHttpHandler.create(broken,
        exchange -> LoopbackJdkServer.respond(exchange, 200, "still fine")));
    HttpClient client = TracingHttpClient.create(broken, plainClient);

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/x")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals("still fine", response.body());
    assertEquals(0, recording.reporter.size());
    // Client: start failed (nothing injected). Server: extract and start failed.
    assertEquals(3, broken.instrumentationErrors());
  }

  @Test
  void serverContinuesATraceCarriedInAW3cTraceparentHeader() throws Exception {
    server.handle("/", TracingHttpHandler.create(recording.tracer,
        exchange -> LoopbackJdkServer.respond(exchange, 200, "fine")));

    plainClient.send(HttpRequest.newBuilder(server.uri("/x"))
            .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .build(),
        HttpResponse.BodyHandlers.discarding());

    FinishedSpan serverSpan = recording.awaitSpan("server");
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", serverSpan.context().toTraceId());
    assertEquals(0x00f067aa0ba902b7L, serverSpan.context().parentId());
  }

  @Test
  void malformedIncomingHeaderStartsANewTraceAndIsCounted() throws Exception {
    server.handle("/", TracingHttpHandler.create(recording.tracer,
        exchange -> LoopbackJdkServer.respond(exchange, 200, "fine")));

    HttpResponse<String> response = plainClient.send(
        HttpRequest.newBuilder(server.uri("/x"))
            .header("uber-trace-id", "not:a:valid\u00e9:context").build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    FinishedSpan serverSpan = recording.awaitSpan("server");
    assertEquals(0, serverSpan.context().parentId());
    assertNull(serverSpan.tags().get("error"));
    assertEquals(1, recording.tracer.metrics().get(Metric.EXTRACT_ERRORS));
  }

  /** Delegates to a working tracer except for propagation and, optionally, starting spans. */
  private static final class BrokenTracer implements Tracer {
    private final Tracer delegate;
    private final boolean cannotStartSpans;

    BrokenTracer(Tracer delegate, boolean cannotStartSpans) {
      this.delegate = delegate;
      this.cannotStartSpans = cannotStartSpans;
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
      if (cannotStartSpans) {
        throw new IllegalStateException("buildSpan is broken");
      }
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
