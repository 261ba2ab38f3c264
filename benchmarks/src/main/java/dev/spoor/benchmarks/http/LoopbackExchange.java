package dev.spoor.benchmarks.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.spoor.SpoorTracer;
import dev.spoor.benchmarks.CountingSpoorReporter;
import dev.spoor.http.wrappers.TracingHttpClient;
import dev.spoor.http.wrappers.TracingHttpHandler;
import dev.spoor.sampler.ConstSampler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A JDK {@code HttpServer} on 127.0.0.1 answering {@code GET /users/42} with a two-byte body, and
 * a {@code java.net.http.HttpClient} (HTTP/1.1, keeping its connection alive) that calls it. When
 * traced, the handler is wrapped in {@link TracingHttpHandler} and the client in
 * {@link TracingHttpClient}, both on one Spoor tracer (sampled, counting reporter, defaults
 * otherwise); untraced, they are used as they are.
 */
final class LoopbackExchange implements AutoCloseable {
  /** The JDK server's switch for {@code TCP_NODELAY} on its connections. */
  static final String NO_DELAY = "sun.net.httpserver.nodelay";
  private static final byte[] BODY = "ok".getBytes(StandardCharsets.US_ASCII);

  static {
    // The JDK server writes a response's headers and its body separately; with Nagle's algorithm
    // the body then waits for the client's delayed ACK of the headers (about 40 ms on Linux),
    // which would hide everything else. The server reads this once, when it is first used.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService clientThreads;
  private final HttpClient client;
  private final HttpRequest request;
  private final SpoorTracer tracer;
  private final CountingSpoorReporter reporter;
  private volatile int lastClientPort;

  private LoopbackExchange(boolean traced) throws IOException {
    reporter = new CountingSpoorReporter();
    tracer = traced
        ? SpoorTracer.builder("benchmark")
            .sampler(new ConstSampler(true))
            .reporter(reporter)
            .build()
        : null;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    HttpHandler answer = this::answer;
    server.createContext("/users", traced ? TracingHttpHandler.create(tracer, answer) : answer);
    server.start();
    // The client's own threads, so that closing can stop them (a Java 17 client has no close()).
    clientThreads = Executors.newCachedThreadPool();
    HttpClient plain = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .executor(clientThreads)
        .build();
    client = traced ? TracingHttpClient.create(tracer, plain) : plain;
    request = HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/users/42")).GET().build();
  }

  /**
   * Starts the server and builds the client for the benchmark's {@code system}: {@code spoor}
   * (traced) or {@code untraced}.
   */
  static LoopbackExchange create(String system) throws IOException {
    switch (system) {
      case "spoor":
        return new LoopbackExchange(true);
      case "untraced":
        return new LoopbackExchange(false);
      default:
        throw new IllegalArgumentException("unknown system: " + system);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    lastClientPort = exchange.getRemoteAddress().getPort();
    exchange.getRequestBody().close();
    exchange.sendResponseHeaders(200, BODY.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(BODY);
    }
  }

  /** One request and its response, on the calling thread. */
  int roundTrip() throws IOException, InterruptedException {
    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
    return response.statusCode();
  }

  /** The client's port of the last request: the same one while the connection is kept alive. */
  int lastClientPort() {
    return lastClientPort;
  }

  /** Spans reported so far: a client and a server span per traced round trip. */
  long spansReported() {
    return reporter.spansReported();
  }

  /** Stops the server and the client's threads, and closes the tracer. */
  @Override
  public void close() throws InterruptedException {
    server.stop(0);
    clientThreads.shutdownNow();
    clientThreads.awaitTermination(10, TimeUnit.SECONDS);
    if (tracer != null) {
      tracer.close();
    }
  }
}
