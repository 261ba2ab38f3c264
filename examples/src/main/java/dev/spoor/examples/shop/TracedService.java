package dev.spoor.examples.shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.spoor.SpoorTracer;
import dev.spoor.examples.logging.ServiceThreadFactory;
import dev.spoor.http.wrappers.HttpTracing;
import dev.spoor.http.wrappers.TracingHttpClient;
import dev.spoor.http.wrappers.TracingHttpHandler;
import io.opentracing.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One shop service: a JDK {@link HttpServer} on 127.0.0.1 and a {@code java.net.http} client, both
 * wrapped by propagation-http as an application would wrap them. {@link TracingHttpHandler} gives
 * each request a server span continued from the caller's headers and active while the handler
 * runs; {@link TracingHttpClient} gives each call a client span, child of the active span, whose
 * context (and baggage) travels in the request headers. The service's threads carry its name in
 * the MDC, and the active span's ids while a request is handled.
 */
final class TracedService implements AutoCloseable {
  /** Response header naming the request's trace, so the caller can find it in the agent. */
  static final String TRACE_ID_HEADER = "X-Trace-Id";
  /** How long a call to another service may take before it fails. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  /** The business logic of one endpoint. */
  @FunctionalInterface
  interface Handler {
    Reply handle(Request request) throws Exception;
  }

  /** What a service answered; {@code traceId} is the answering span's trace, when known. */
  record Reply(int status, String body, String traceId) {
    Reply(int status, String body) {
      this(status, body, null);
    }
  }

  /** An incoming request, as a handler sees it. */
  final class Request {
    private final Map<String, String> query;
    private final Span span;

    private Request(Map<String, String> query, Span span) {
      this.query = query;
      this.span = span;
    }

    /** A query parameter, or {@code fallback} when absent. */
    String param(String name, String fallback) {
      return query.getOrDefault(name, fallback);
    }

    /** The server span of this request, started by the tracing wrapper: the active span. */
    Span span() {
      return span;
    }

    /** Calls {@code target} through the traced client: a client span, its context in the headers. */
    Reply call(TracedService target, String method, String pathAndQuery) {
      return TracedService.this.call(target, method, pathAndQuery);
    }
  }

  private final String serviceName;
  private final SpoorTracer tracer;
  private final HttpServer server;
  private final ExecutorService serverThreads;
  private final ExecutorService clientThreads;
  private final HttpClient client;
  private final ExchangesInFlight inFlight = new ExchangesInFlight();

  TracedService(String serviceName, SpoorTracer tracer, String path, Handler handler)
      throws IOException {
    this.serviceName = serviceName;
    this.tracer = tracer;
    // Client spans named like the server spans they call ("POST /cart"); the default is the
    // method alone, since a client in general knows a path full of ids but no route.
    HttpTracing tracing = HttpTracing.builder(tracer)
        .clientOperationNamer(request -> request.method() + " " + request.path())
        .build();
    this.serverThreads = Executors.newFixedThreadPool(4, new ServiceThreadFactory(serviceName));
    this.clientThreads = Executors.newCachedThreadPool(new ServiceThreadFactory(serviceName));
    this.client = TracingHttpClient.create(tracing, HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(clientThreads)
        .build());
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(path, inFlight.track(
        TracingHttpHandler.create(tracing, exchange -> serve(exchange, handler))));
    server.setExecutor(serverThreads);
    server.start();
  }

  String serviceName() {
    return serviceName;
  }

  SpoorTracer tracer() {
    return tracer;
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  /**
   * Waits until no request is being handled, so that every server span of the requests answered
   * so far has finished (the wrapper finishes it just after the response is written).
   *
   * @return true when idle, false when {@code timeout} came first
   */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    return inFlight.awaitIdle(timeout);
  }

  private void serve(HttpExchange exchange, Handler handler) throws IOException {
    Span span = tracer.activeSpan();
    Reply reply;
    try {
      reply = handler.handle(new Request(query(exchange.getRequestURI()), span));
    } catch (Exception e) {
      // The wrapper tags the 500 as an error; the log says why.
      span.log(Map.of("event", "error", "error.object", e.toString()));
      reply = new Reply(500, e.toString());
    }
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set(TRACE_ID_HEADER, span.context().toTraceId());
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Reply call(TracedService target, String method, String pathAndQuery) {
    HttpRequest request = HttpRequest.newBuilder(target.uri(pathAndQuery))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .timeout(CALL_TIMEOUT)
        .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Reply(502, target.serviceName() + " unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(503, "interrupted while calling " + target.serviceName());
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> params = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  /**
   * Stops the server (letting exchanges in flight finish) and the threads of server and client;
   * closes the tracer. (A Java 17 {@code HttpClient} cannot be closed: its selector thread ends
   * once the client is unreachable.)
   */
  @Override
  public void close() {
    server.stop(0);
    stop(serverThreads);
    stop(clientThreads);
    tracer.close();
  }

  private static void stop(ExecutorService threads) {
    threads.shutdown();
    try {
      if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
