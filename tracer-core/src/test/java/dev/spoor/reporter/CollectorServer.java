package dev.spoor.reporter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in collector: a JDK {@link HttpServer} on 127.0.0.1 (ephemeral port) that keeps every
 * request (path, query, headers, body, gunzipped when the request says gzip) and answers with
 * the scripted {@link Answer}s in order, then with the default answer (200, empty). Answers can
 * be delayed, to play a slow server, and the server stops with {@link #close()}.
 */
final class CollectorServer implements AutoCloseable {
  /** One scripted answer. */
  static final class Answer {
    final int status;
    final Map<String, String> headers;
    final String body;
    final long delayMillis;

    Answer(int status, Map<String, String> headers, String body, long delayMillis) {
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.delayMillis = delayMillis;
    }

    static Answer status(int status) {
      return new Answer(status, Map.of(), "", 0);
    }
  }

  /** One request as received. */
  static final class Request {
    final String path;
    final String query;
    final Map<String, List<String>> headers;
    final byte[] body;

    Request(String path, String query, Map<String, List<String>> headers, byte[] body) {
      this.path = path;
      this.query = query;
      this.headers = headers;
      this.body = body;
    }

    String header(String name) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          return header.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new ArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);

  CollectorServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** A port that nothing listens on (it was free a moment ago). */
  static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:12345}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Adds answers to give, in order, before the default 200. */
  CollectorServer answer(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  synchronized List<Request> requests() {
    return new ArrayList<>(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
          body = in.readAllBytes();
        }
      }
      Answer answer = script.poll();
      if (answer == null) {
        answer = Answer.status(200);
      }
      if (answer.delayMillis > 0) {
        try {
          // A slow server on purpose; close() releases it.
          released.await(answer.delayMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      synchronized (this) {
        requests.add(new Request(exchange.getRequestURI().getPath(),
            exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
            body));
      }
      answer.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] text = answer.body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status, text.length == 0 ? -1 : text.length);
      if (text.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(text);
        }
      }
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
