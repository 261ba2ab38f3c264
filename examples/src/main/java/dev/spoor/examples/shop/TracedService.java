package dev.spoor.examples.shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.spoor.SpoorTracer;
import dev.spoor.examples.logging.ServiceThreadFactory;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.propagation.Format;
import io.opentracing.tag.Tags;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One shop service: a JDK {@link HttpServer} on 127.0.0.1 whose requests each run in a server span
 * continued from the caller's headers, and whose calls to other services each run in a client
 * span whose context travels in the request headers. Its threads carry the service name in the
 * MDC, and the active span's ids while a request is handled.
 */
final class TracedService implements AutoCloseable {
  /** Response header naming the request's trace, so the caller can find it in the agent. */
  static final String TRACE_ID_HEADER = "X-Trace-Id";

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

    /** The server span of this request. */
    Span span() {
      return span;
    }

    /** Calls {@code target} inside a client span, sending the span context in the headers. */
    Reply call(TracedService target, String method, String pathAndQuery) {
      return TracedService.this.call(target, method, pathAndQuery);
    }
  }

  private final String serviceName;
  private final SpoorTracer tracer;
  private final HttpServer server;
  private final ExecutorService executor;

  TracedService(String serviceName, SpoorTracer tracer, String path, Handler handler)
      throws IOException {
    this.serviceName = serviceName;
    this.tracer = tracer;
    this.executor = Executors.newFixedThreadPool(4, new ServiceThreadFactory(serviceName));
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(path, exchange -> serve(exchange, handler));
    server.setExecutor(executor);
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

  private void serve(HttpExchange exchange, Handler handler) throws IOException {
    String operation = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    SpanContext parent = tracer.extract(Format.Builtin.HTTP_HEADERS,
        HeaderCarriers.fromRequest(exchange.getRequestHeaders()));
    Span span = tracer.buildSpan(operation).asChildOf(parent)
        .withTag(Tags.SPAN_KIND, Tags.SPAN_KIND_SERVER)
        .withTag(Tags.HTTP_METHOD, exchange.getRequestMethod())
        .withTag(Tags.HTTP_URL, exchange.getRequestURI().toString())
        .start();
    Reply reply;
    try (Scope scope = tracer.activateSpan(span)) {
      reply = handler.handle(new Request(query(exchange.getRequestURI()), span));
    } catch (Exception e) {
      Tags.ERROR.set(span, true);
      span.log(Map.of("event", "error", "error.object", e.toString()));
      reply = new Reply(500, e.toString());
    }
    Tags.HTTP_STATUS.set(span, reply.status());
    if (reply.status() >= 500) {
      Tags.ERROR.set(span, true);
    }
    span.finish();
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set(TRACE_ID_HEADER, span.context().toTraceId());
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Reply call(TracedService target, String method, String pathAndQuery) {
    URI uri = target.uri(pathAndQuery);
    Span span = tracer.buildSpan(method + " " + uri.getPath())
        .withTag(Tags.SPAN_KIND, Tags.SPAN_KIND_CLIENT)
        .withTag(Tags.PEER_SERVICE, target.serviceName())
        .withTag(Tags.HTTP_METHOD, method)
        .withTag(Tags.HTTP_URL, uri.toString())
        .start();
    try (Scope scope = tracer.activateSpan(span)) {
      Map<String, String> headers = new HashMap<>();
      tracer.inject(span.context(), Format.Builtin.HTTP_HEADERS,
          HeaderCarriers.forInjection(headers));
      Reply reply = send(uri, method, headers);
      Tags.HTTP_STATUS.set(span, reply.status());
      if (reply.status() >= 500) {
        Tags.ERROR.set(span, true);
      }
      return reply;
    } catch (IOException e) {
      Tags.ERROR.set(span, true);
      span.log(Map.of("event", "error", "error.object", e.toString()));
      return new Reply(502, target.serviceName() + " unreachable: " + e.getMessage());
    } finally {
      span.finish();
    }
  }

  /** One plain HTTP exchange; also used by the shop's driver, which is not traced. */
  static Reply send(URI uri, String method, Map<String, String> headers) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    try {
      connection.setRequestMethod(method);
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(30_000);
      headers.forEach(connection::setRequestProperty);
      if ("POST".equals(method)) {
        connection.setDoOutput(true);
        connection.getOutputStream().close();
      }
      int status = connection.getResponseCode();
      InputStream stream = status >= 400 ? connection.getErrorStream()
          : connection.getInputStream();
      String body = stream == null ? ""
          : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      return new Reply(status, body, connection.getHeaderField(TRACE_ID_HEADER));
    } finally {
      connection.disconnect();
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

  /** Stops the server (letting exchanges in flight finish) and its threads; closes the tracer. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    tracer.close();
  }
}
