package dev.spoor.http.wrappers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A JDK HTTP server on 127.0.0.1 and an ephemeral port, stopped by {@link #close()}. */
final class LoopbackJdkServer implements AutoCloseable {
  private final HttpServer server;

  private LoopbackJdkServer(HttpServer server) {
    this.server = server;
  }

  static LoopbackJdkServer start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.start();
    return new LoopbackJdkServer(server);
  }

  LoopbackJdkServer handle(String path, HttpHandler handler) {
    server.createContext(path, handler);
    return this;
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  /** Sends {@code body} as UTF-8 with {@code status} and closes the exchange. */
  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
