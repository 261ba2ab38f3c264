package dev.spoor.http.interop;

import static dev.spoor.http.interop.InteropCases.BAGGAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.http.wrappers.TracingHttpHandler;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.sampler.ConstSampler;
import io.opentracing.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Node writes, Spoor reads: a Node client injects a context with one peer's own code and sends it
 * to a JDK {@code HttpServer} wrapped by Spoor's {@link TracingHttpHandler}; the handler records
 * the server span it runs in. That span must continue the peer's trace (same trace id, the peer's
 * span as parent), keep its sampling state and its id width, and see every baggage item decoded.
 */
class NodeClientToSpoorServerTest {
  private static final InteropTable TABLE = new InteropTable(
      "Node client injecting with each peer -> Spoor TracingHttpHandler (real HTTP, 127.0.0.1)");
  private static final Gson GSON = new Gson();
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();
  private static final List<SpoorTracer> TRACERS = new ArrayList<>();
  private static HttpServer server;
  private static NodeProcess client;

  /** What the application saw inside the server span. */
  private record Seen(SpoorSpanContext context, Map<String, String> baggage) {}

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    for (String format : new String[] {"jaeger", "w3c", "b3", "b3-single"}) {
      // The sampler says no: whatever is sampled here was sampled by the peer.
      SpoorTracer tracer = SpoorTracer.builder("spoor-server-" + format).propagation(format)
          .sampler(new ConstSampler(false)).reporter(new InMemoryReporter()).build();
      TRACERS.add(tracer);
      server.createContext("/" + format, TracingHttpHandler.create(tracer,
          exchange -> record(tracer, exchange)));
    }
    server.start();
    client = NodePeers.start("injecting-client.js");
    JsonObject hello = JsonParser.parseString(client.nextLine()).getAsJsonObject();
    System.out.println("Node peers: " + hello.get("versions"));
    for (NodePeer peer : NodePeer.values()) {
      if (!peer.debug) {
        for (boolean wide : new boolean[] {false, true}) {
          TABLE.add(peer.format, peer.script, "Node -> Spoor", "debug", InteropCases.ids(wide),
              "-", "n/a: the peer cannot send a debug flag");
        }
      }
    }
  }

  private static void record(SpoorTracer tracer, HttpExchange exchange) throws IOException {
    Span span = tracer.activeSpan();
    Map<String, String> baggage = new LinkedHashMap<>();
    for (String key : BAGGAGE.keySet()) {
      String value = span.getBaggageItem(key);
      if (value != null) {
        baggage.put(key, value);
      }
    }
    String query = exchange.getRequestURI().getQuery();
    SEEN.put(query.substring("case=".length()), new Seen((SpoorSpanContext) span.context(), baggage));
    byte[] body = "ok".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.stop(0);
    }
    TRACERS.forEach(SpoorTracer::close);
    TABLE.print();
  }

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (NodePeer peer : NodePeer.values()) {
      for (Sampling sampling : Sampling.values()) {
        if (sampling == Sampling.DEBUG && !peer.debug) {
          continue; // listed in the table as not applicable
        }
        for (boolean wide : new boolean[] {false, true}) {
          for (boolean withBaggage : new boolean[] {false, true}) {
            cases.add(Arguments.of(peer, sampling, wide, withBaggage, false));
            if (peer.randomFlag()) {
              cases.add(Arguments.of(peer, sampling, wide, withBaggage, true));
            }
          }
        }
      }
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0} {1} 128-bit={2} baggage={3} random={4}")
  @MethodSource("cases")
  void spoorServerContinuesTheTraceTheNodePeerSent(NodePeer peer, Sampling sampling,
      boolean wide, boolean withBaggage, boolean random) {
    String result = "FAILED";
    try {
      result = check(peer, sampling, wide, withBaggage, random);
    } finally {
      TABLE.add(peer.format, peer.script, "Node -> Spoor",
          sampling.json() + (random ? "+random" : ""), InteropCases.ids(wide),
          InteropCases.baggageCell(peer, withBaggage), result);
    }
  }

  private String check(NodePeer peer, Sampling sampling, boolean wide, boolean withBaggage,
      boolean random) {
    ThreadLocalRandom ids = ThreadLocalRandom.current();
    long high = wide ? ids.nextLong() | 1 : 0L;
    long low = ids.nextLong() | 1;
    long spanId = ids.nextLong() | 1;
    String traceId = (wide ? InteropCases.hex16(high) : "") + InteropCases.hex16(low);
    String id = Integer.toString(IDS.incrementAndGet());

    Map<String, Object> context = new LinkedHashMap<>();
    context.put("traceId", traceId);
    context.put("spanId", InteropCases.hex16(spanId));
    context.put("sampling", sampling.json());
    context.put("baggage", withBaggage ? BAGGAGE : Map.of());
    context.put("random", random);
    Map<String, Object> command = new LinkedHashMap<>();
    command.put("id", id);
    command.put("peer", peer.script);
    command.put("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/" + peer.format
        + "/orders?case=" + id);
    command.put("context", context);
    client.send(GSON.toJson(command));

    JsonObject answer = JsonParser.parseString(client.nextLine()).getAsJsonObject();
    String sent = "headers the peer sent: " + answer.get("sent");
    assertEquals(id, answer.get("id").getAsString(), answer.toString());
    assertFalse(answer.has("error"), answer.toString());
    assertEquals(200, answer.get("status").getAsInt(), answer.toString());
    Seen seen = SEEN.remove(id);
    assertNotNull(seen, "the handler ran; " + sent);

    SpoorSpanContext server = seen.context();
    assertEquals(high, server.traceIdHigh(), sent);
    assertEquals(low, server.traceIdLow(), sent);
    assertEquals(spanId, server.parentId(), "the peer's span is the parent; " + sent);
    assertEquals(sampling != Sampling.UNSAMPLED, server.isSampled(), sent);
    assertEquals(sampling == Sampling.DEBUG, server.isDebug(), sent);
    // OpenTelemetry always writes 32 hex digits; Spoor keeps the width it received.
    boolean expectWide = wide || !peer.keeps64BitIds;
    assertEquals(expectWide, server.isTraceId128Bit(), "id width; " + sent);
    Map<String, String> expectedBaggage = withBaggage && peer.baggage ? BAGGAGE : Map.of();
    assertEquals(expectedBaggage, seen.baggage(), sent);
    // W3C Trace Context Level 2: the random trace-flag the peer sent is kept, an unset one stays
    // unset; ids from other formats are never claimed random.
    assertEquals(random, server.isTraceIdRandom(), "random trace-flag; " + sent);

    return "ok: trace continued, " + (sampling == Sampling.UNSAMPLED ? "not sampled"
        : sampling == Sampling.DEBUG ? "sampled+debug" : "sampled")
        + (random ? ", random flag kept" : "")
        + (expectWide && !wide ? ", read as 128-bit (sent as 32 digits)" : "")
        + (expectedBaggage.isEmpty() ? "" : ", baggage values exact");
  }
}
