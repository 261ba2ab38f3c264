package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import io.opentracing.Scope;
import io.opentracing.Span;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The filter inside a real embedded Jetty 12 on 127.0.0.1, called by the wrapped client. */
class TracingFilterTest {
  private final RecordingTracer recording = new RecordingTracer();
  private final ClientPool pool = new ClientPool();
  private final CountDownLatch chainReturned = new CountDownLatch(1);
  private final AtomicReference<Throwable> escaped = new AtomicReference<>();
  private LoopbackJetty jetty;
  private HttpClient client;
  private int port;

  @BeforeEach
  void startJetty() throws Exception {
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/shop");
    // Outermost: sees what escapes the tracing filter, and when it has returned.
    Filter observer = (request, response, chain) -> {
      try {
        chain.doFilter(request, response);
      } catch (IOException | RuntimeException | jakarta.servlet.ServletException e) {
        escaped.set(e);
        throw e;
      } finally {
        chainReturned.countDown();
      }
    };
    context.addFilter(asyncHolder(new FilterHolder(observer)), "/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addFilter(asyncHolder(new FilterHolder(TracingFilter.create(recording.tracer))), "/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new OrdersServlet()), "/orders/*");
    ServletHolder async = new ServletHolder(new AsyncServlet());
    async.setAsyncSupported(true);
    context.addServlet(async, "/async");
    ServletHolder quick = new ServletHolder(new QuicklyCompletedAsyncServlet());
    quick.setAsyncSupported(true);
    context.addServlet(quick, "/quick");

    jetty = LoopbackJetty.start(context);
    port = jetty.port();
    client = TracingHttpClient.create(recording.tracer,
        pool.plainClient());
  }

  private static FilterHolder asyncHolder(FilterHolder holder) {
    holder.setAsyncSupported(true);
    return holder;
  }

  @AfterEach
  void stop() throws Exception {
    jetty.close();
    pool.close();
    recording.close();
  }

  @Test
  void synchronousRequestGetsAServerSpanChildOfTheClientSpan() throws Exception {
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(uri("/shop/orders/42?page=1&token=t0ps3cret")).build(),
        HttpResponse.BodyHandlers.ofString());

    FinishedSpan serverSpan = recording.awaitSpan("server");
    FinishedSpan clientSpan = recording.awaitSpan("client");
    RecordingTracer.assertParent(clientSpan, serverSpan);
    // The servlet wrote the ids it saw as active and in the MDC.
    assertEquals(serverSpan.context().toSpanId() + " " + serverSpan.context().toTraceId() + " "
        + serverSpan.context().toSpanId(), response.body());
    assertEquals(201, response.statusCode());

    assertEquals("GET /shop/orders/*", serverSpan.operationName());
    Map<String, Object> tags = serverSpan.tags();
    assertEquals("server", tags.get("span.kind"));
    assertEquals("java-servlet", tags.get("component"));
    assertEquals("GET", tags.get("http.method"));
    assertEquals("http://127.0.0.1:" + port + "/shop/orders/42?page=1&token=REDACTED",
        tags.get("http.url"));
    assertEquals(201, tags.get("http.status_code"));
    assertEquals("127.0.0.1", tags.get("peer.ipv4"));
    assertTrue((Integer) tags.get("peer.port") > 0);
    assertNull(tags.get("error"));
    assertFalse(RecordingTracer.hasErrorLog(serverSpan));
  }

  @Test
  void asyncRequestSpanFinishesWhenTheAsyncContextCompletesOnAnotherThread() throws Exception {
    HttpResponse<String> response = client.sendAsync(HttpRequest.newBuilder(uri("/shop/async"))
        .build(), HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);

    assertEquals(202, response.statusCode());
    assertEquals("false", response.body(), "server span reported before complete()");
    FinishedSpan serverSpan = recording.awaitSpan("server");
    assertEquals(202, serverSpan.tags().get("http.status_code"));
    assertEquals("worker", serverSpan.tags().get("finished.by"));
    assertEquals("GET /shop/async", serverSpan.operationName());
    RecordingTracer.assertParent(recording.awaitSpan("client"), serverSpan);
  }

  @Test
  void asyncRequestCompletedBeforeTheFilterReturnsIsFinishedOnce() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/shop/quick"))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("done", response.body());
    FinishedSpan serverSpan = recording.awaitSpan("server");
    assertEquals(200, serverSpan.tags().get("http.status_code"));
    assertNull(serverSpan.tags().get("error"));
    assertEquals(0, recording.tracer.metrics().get(dev.spoor.metrics.Metric.CALLS_AFTER_FINISH));
  }

  @Test
  void servletExceptionIsTaggedAndRethrownUnchanged() throws Exception {
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(uri("/shop/orders/explode")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(500, response.statusCode());
    FinishedSpan serverSpan = recording.awaitSpan("server");
    assertTrue(escaped.get() instanceof IllegalStateException, String.valueOf(escaped.get()));
    assertEquals(true, serverSpan.tags().get("error"));
    assertNull(serverSpan.tags().get("http.status_code"), "Jetty sets the 500 after the filter");
    Map<String, ?> log = RecordingTracer.errorLog(serverSpan);
    assertSame(escaped.get(), log.get("error.object"));
    assertEquals("order service exploded", log.get("message"));
    assertEquals(IllegalStateException.class.getName(), log.get("error.kind"));
    FinishedSpan clientSpan = recording.awaitSpan("client");
    assertEquals(500, clientSpan.tags().get("http.status_code"));
    assertEquals(true, clientSpan.tags().get("error"));
  }

  @Test
  void sendErrorFiveHundredIsAServerError() throws Exception {
    client.send(HttpRequest.newBuilder(uri("/shop/orders/unavailable")).build(),
        HttpResponse.BodyHandlers.discarding());

    FinishedSpan serverSpan = recording.awaitSpan("server");
    assertEquals(503, serverSpan.tags().get("http.status_code"));
    assertEquals(true, serverSpan.tags().get("error"));
    assertEquals("HTTP status 503", RecordingTracer.errorLog(serverSpan).get("message"));
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  private final class OrdersServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String path = request.getPathInfo();
      if ("/explode".equals(path)) {
        throw new IllegalStateException("order service exploded");
      }
      if ("/unavailable".equals(path)) {
        response.sendError(503);
        return;
      }
      Span active = recording.tracer.activeSpan();
      response.setStatus(201);
      response.getWriter().print((active == null ? "none" : active.context().toSpanId()) + " "
          + MDC.get("traceId") + " " + MDC.get("spanId"));
    }
  }

  /** Completes the async context on another thread and waits for that before returning. */
  private final class QuicklyCompletedAsyncServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      AsyncContext async = request.startAsync();
      try {
        pool.executor.submit(() -> {
          async.getResponse().getWriter().print("done");
          async.complete();
          return null;
        }).get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }

  private final class AsyncServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      Span span = (Span) request.getAttribute(TracingFilter.SPAN_ATTRIBUTE);
      pool.executor.execute(() -> {
        try (Scope ignored = recording.tracer.activateSpan(span)) {
          assertTrue(chainReturned.await(10, TimeUnit.SECONDS), "filter chain never returned");
          AtomicBoolean reported = new AtomicBoolean(false);
          for (FinishedSpan finished : recording.reporter.spans()) {
            reported.compareAndSet(false, "server".equals(finished.tags().get("span.kind")));
          }
          recording.tracer.activeSpan().setTag("finished.by", "worker");
          HttpServletResponse asyncResponse = (HttpServletResponse) async.getResponse();
          asyncResponse.setStatus(202);
          asyncResponse.getWriter().print(reported.get());
        } catch (InterruptedException | IOException e) {
          throw new IllegalStateException(e);
        } finally {
          async.complete();
        }
      });
    }
  }
}
