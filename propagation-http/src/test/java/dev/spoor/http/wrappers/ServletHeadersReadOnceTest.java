package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import dev.spoor.reporter.InMemoryReporter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/** With several propagation formats, the request's headers are read once, not once per format. */
class ServletHeadersReadOnceTest {
  private static final String TRACE = "463ac35c9f6413ad48485a3953bb6124";

  @Test
  void everyFormatSeesTheHeadersOfOneReading() throws Exception {
    InMemoryReporter reporter = new InMemoryReporter();
    AtomicInteger readings = new AtomicInteger();
    ServletContextHandler context = new ServletContextHandler();
    Filter counting = (request, response, chain) -> chain.doFilter(
        new HttpServletRequestWrapper((HttpServletRequest) request) {
          @Override
          public Enumeration<String> getHeaderNames() {
            readings.incrementAndGet();
            return super.getHeaderNames();
          }
        }, response);
    ClientPool pool = new ClientPool();
    try (SpoorTracer tracer = SpoorTracer.builder("svc").reporter(reporter)
        .propagation("jaeger", "w3c", "b3").build()) {
      context.addFilter(new FilterHolder(counting), "/*", EnumSet.of(DispatcherType.REQUEST));
      context.addFilter(new FilterHolder(TracingFilter.create(tracer)), "/*",
          EnumSet.of(DispatcherType.REQUEST));
      context.addServlet(new ServletHolder(new HttpServlet() {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
          response.setStatus(204);
        }
      }), "/*");
      try (LoopbackJetty jetty = LoopbackJetty.start(context)) {
        HttpResponse<Void> response = pool.plainClient().send(
            HttpRequest.newBuilder(jetty.uri("/orders"))
                .header("X-B3-TraceId", TRACE).header("X-B3-SpanId", "a2fb4a1d1a96d312")
                .header("X-B3-Sampled", "1").build(),
            HttpResponse.BodyHandlers.discarding());
        assertEquals(204, response.statusCode());
      }
      FinishedSpan span = awaitOneSpan(reporter);
      assertEquals(TRACE, span.context().toTraceId());
      assertEquals(1, readings.get(), "header readings for three formats");
    } finally {
      pool.close();
    }
  }

  private static FinishedSpan awaitOneSpan(InMemoryReporter reporter) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (reporter.spans().isEmpty()) {
      assertTrue(System.nanoTime() - deadline < 0, "no span within 10 s");
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
    return reporter.spans().get(0);
  }
}
