package dev.spoor.benchmarks.steadyrate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.spoor.benchmarks.steadyrate.PayloadCheck.Format;
import dev.spoor.benchmarks.steadyrate.PayloadCheck.Payload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * A Zipkin and OTLP/HTTP collector on 127.0.0.1, in the JDK's HTTP server: {@code POST
 * /api/v2/spans} takes Zipkin JSON v2 or proto3 (gzip or not) and answers 202, as Zipkin does;
 * {@code POST /v1/traces} takes OTLP protobuf (gzip or not) and answers 200 with an empty
 * {@code ExportTraceServiceResponse}. Each request's spans are counted before it is answered, so
 * a sender that has its answer has been counted. Two daemon threads serve requests; responses
 * go out with {@code TCP_NODELAY} ({@code sun.net.httpserver.nodelay}), as a real collector's do,
 * so that no sender waits on a delayed ACK.
 */
final class SpanHttpReceiver implements SpanReceiver {
  static final String ZIPKIN_PATH = "/api/v2/spans";
  static final String OTLP_PATH = "/v1/traces";

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong spans = new AtomicLong();
  private final AtomicLong payloads = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private Payload largestPayload; // guarded by this
  private int largestPayloadSpans;

  private SpanHttpReceiver(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds an ephemeral port on 127.0.0.1 and starts serving. */
  static SpanHttpReceiver start() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
      Thread thread = new Thread(task, "span-http-receiver-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    SpanHttpReceiver receiver = new SpanHttpReceiver(server, executor);
    server.createContext(ZIPKIN_PATH, exchange -> receiver.handle(exchange, false));
    server.createContext(OTLP_PATH, exchange -> receiver.handle(exchange, true));
    server.setExecutor(executor);
    server.start();
    return receiver;
  }

  private void handle(HttpExchange exchange, boolean otlp) throws IOException {
    try {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] raw;
      try (InputStream body = exchange.getRequestBody()) {
        raw = body.readAllBytes();
      }
      payloads.incrementAndGet();
      bytes.addAndGet(raw.length);
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
      Format format = otlp ? Format.OTLP_PROTO
          : type.startsWith("application/x-protobuf") ? Format.ZIPKIN_PROTO3 : Format.ZIPKIN_JSON;
      if (otlp && !type.startsWith("application/x-protobuf")) {
        fail("unsupported OTLP content type " + type);
        exchange.sendResponseHeaders(415, -1);
        return;
      }
      try {
        byte[] body = "gzip".equalsIgnoreCase(encoding) ? gunzip(raw) : raw;
        Payload payload = new Payload(format, body);
        int count = SpanCounting.count(payload);
        spans.addAndGet(count);
        keepIfLargest(payload, count);
      } catch (Exception e) {
        fail(e.toString());
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      if (otlp) {
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1); // an empty message is an empty response
      } else {
        exchange.sendResponseHeaders(202, -1);
      }
    } finally {
      exchange.close();
    }
  }

  private static byte[] gunzip(byte[] compressed) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }

  /**
   * Keeps the payload with the most spans for the check: zipkin-reporter may send an empty list
   * first, and a flush at close may race the reporter's thread with a payload of only the parent.
   */
  private synchronized void keepIfLargest(Payload payload, int count) {
    if (count > largestPayloadSpans) {
      largestPayload = payload;
      largestPayloadSpans = count;
    }
  }

  private void fail(String what) {
    failures.incrementAndGet();
    firstFailure.compareAndSet(null, what);
  }

  @Override
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public long spans() {
    return spans.get();
  }

  @Override
  public long payloads() {
    return payloads.get();
  }

  @Override
  public long bytes() {
    return bytes.get();
  }

  @Override
  public long failures() {
    return failures.get();
  }

  @Override
  public String firstFailure() {
    return firstFailure.get();
  }

  @Override
  public synchronized Payload largestPayload() {
    return largestPayload;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
