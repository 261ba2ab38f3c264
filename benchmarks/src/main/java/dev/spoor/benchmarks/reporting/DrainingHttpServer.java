package dev.spoor.benchmarks.reporting;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The stand-in for a collector over HTTP: a JDK {@link HttpServer} on 127.0.0.1 whose one handler
 * thread reads each request body into a reused buffer, counts requests and bytes, keeps a copy of
 * the first body only (so that tests can decode it) and answers 200 with no body. Every system
 * of {@link HttpReportingBenchmark} sends to the same kind of server.
 */
final class DrainingHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
    Thread handler = new Thread(task, "draining-http-server");
    handler.setDaemon(true);
    return handler;
  });
  private final byte[] buffer = new byte[64 * 1024];
  private volatile long requests;
  private volatile long bytes;
  private volatile byte[] firstBody;
  private volatile String firstPath;

  private DrainingHttpServer(HttpServer server) {
    this.server = server;
  }

  /** Binds an ephemeral port on 127.0.0.1 and starts serving. */
  static DrainingHttpServer start() throws IOException {
    // Without it the JDK server's responses wait for the client's delayed ACK (Nagle).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    DrainingHttpServer draining = new DrainingHttpServer(server);
    server.createContext("/", draining::handle);
    server.setExecutor(draining.thread);
    server.start();
    return draining;
  }

  /** The base URL, {@code http://127.0.0.1:port}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  long requests() {
    return requests;
  }

  long bytes() {
    return bytes;
  }

  /** A copy of the first request's body, or null before it arrives. */
  byte[] firstBody() {
    return firstBody;
  }

  /** The first request's path, or null before it arrives. */
  String firstPath() {
    return firstPath;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      long length = 0;
      java.io.ByteArrayOutputStream copy = firstBody == null
          ? new java.io.ByteArrayOutputStream() : null;
      try (InputStream in = exchange.getRequestBody()) {
        int read;
        while ((read = in.read(buffer)) > 0) {
          length += read;
          if (copy != null) {
            copy.write(buffer, 0, read);
          }
        }
      }
      if (copy != null) {
        firstPath = exchange.getRequestURI().getPath();
        firstBody = copy.toByteArray();
      }
      bytes += length; // one writer: a plain increment of a volatile is safe
      requests++;
      exchange.sendResponseHeaders(200, -1);
    }
  }

  /** Stops serving and releases the port. */
  @Override
  public void close() {
    server.stop(0);
    thread.shutdownNow();
  }

  @Override
  public String toString() {
    return "DrainingHttpServer{requests=" + requests + ", bytes=" + bytes + "}";
  }
}
