package dev.spoor.sampler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A sampling endpoint for tests: a JDK HttpServer on 127.0.0.1 (ephemeral port) that answers every
 * path with the answer set last, as Jaeger's agent does, and records the requests. Answers can
 * also be an HTTP error, a body of any bytes with or without a length, or no answer at all
 * (hanging until the server closes).
 */
final class StrategyServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "strategy-server");
    thread.setDaemon(true);
    return thread;
  });
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile Answer answer = Answer.json(200, "{}");

  StrategyServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The {@code /sampling} endpoint of this server. */
  String samplingEndpoint() {
    return url() + "/sampling";
  }

  /** The {@code host:port} of this server. */
  String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers every later request with {@code json} (status 200, with a length). */
  StrategyServer serve(String json) {
    return answer(Answer.json(200, json));
  }

  StrategyServer answer(Answer next) {
    this.answer = next;
    return this;
  }

  /** Every request's path and query, in arrival order. */
  List<String> requests() {
    return requests;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    requests.add(exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
    Answer current = answer;
    try {
      if (current.hang) {
        released.await(30, TimeUnit.SECONDS);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(current.status, current.chunked ? 0 : current.body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < current.body.length; i += 65536) {
          out.write(current.body, i, Math.min(65536, current.body.length - i));
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client hung up (a body too large for it), or the server is closing
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }

  /** What the server answers. */
  static final class Answer {
    final int status;
    final byte[] body;
    final boolean chunked;
    final boolean hang;

    private Answer(int status, byte[] body, boolean chunked, boolean hang) {
      this.status = status;
      this.body = body;
      this.chunked = chunked;
      this.hang = hang;
    }

    static Answer json(int status, String body) {
      return new Answer(status, body.getBytes(StandardCharsets.UTF_8), false, false);
    }

    static Answer bytes(byte[] body, boolean chunked) {
      return new Answer(200, body, chunked, false);
    }

    /** Accepts the request and never answers. */
    static Answer hanging() {
      return new Answer(200, new byte[0], false, true);
    }
  }
}
