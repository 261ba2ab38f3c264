package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import dev.spoor.FinishedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDK server span ends when the response completes, not when the handler returns. */
class TracingHttpHandlerCompletionTest {
  private final RecordingTracer recording = new RecordingTracer();
  private final ClientPool pool = new ClientPool();
  private final ExecutorService responders = Executors.newSingleThreadExecutor();
  private LoopbackJdkServer server;

  @AfterEach
  void stop() throws InterruptedException {
    responders.shutdownNow();
    assertTrue(responders.awaitTermination(10, TimeUnit.SECONDS));
    if (server != null) {
      server.close();
    }
    pool.close();
    recording.close();
  }

  @Test
  void aResponseCompletedOnAnotherThreadEndsTheSpanThenAndOnlyOnce() throws Exception {
    CountDownLatch handlerReturned = new CountDownLatch(1);
    AtomicInteger serverSpansBeforeResponse = new AtomicInteger(-1);
    HttpHandler handOff = exchange -> responders.execute(() -> {
      try {
        assertTrue(handlerReturned.await(10, TimeUnit.SECONDS));
        serverSpansBeforeResponse.set(serverSpans());
        LoopbackJdkServer.respond(exchange, 202, "done later");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    HttpHandler traced = TracingHttpHandler.create(recording.tracer, handOff);
    HttpResponse<String> response = serve(exchange -> {
      traced.handle(exchange);
      handlerReturned.countDown();
    });

    assertEquals(202, response.statusCode());
    assertEquals("done later", response.body());
    FinishedSpan span = recording.awaitSpan("server");
    assertEquals(0, serverSpansBeforeResponse.get(), "reported before the response completed");
    assertEquals(202, span.tags().get("http.status_code"));
    assertEquals(1, serverSpans());
  }

  @Test
  void aResponseWithoutBodyEndsTheSpanWhenTheHandlerReturns() throws Exception {
    HttpResponse<String> response = serve(TracingHttpHandler.create(recording.tracer,
        exchange -> exchange.sendResponseHeaders(204, -1)));

    assertEquals(204, response.statusCode());
    assertEquals(204, recording.awaitSpan("server").tags().get("http.status_code"));
  }

  private HttpResponse<String> serve(HttpHandler handler) throws Exception {
    server = LoopbackJdkServer.start().handle("/orders", handler);
    HttpClient client = pool.plainClient();
    CompletableFuture<HttpResponse<String>> response = client.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/orders"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    return response.get(10, TimeUnit.SECONDS);
  }

  private int serverSpans() {
    int count = 0;
    for (FinishedSpan span : recording.reporter.spans()) {
      if ("server".equals(span.tags().get("span.kind"))) {
        count++;
      }
    }
    return count;
  }
}
