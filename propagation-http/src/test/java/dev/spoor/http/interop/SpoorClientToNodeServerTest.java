package dev.spoor.http.interop;

import static dev.spoor.http.interop.InteropCases.BAGGAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.http.wrappers.HttpRequestInfo;
import dev.spoor.http.wrappers.HttpSpanDecorator;
import dev.spoor.http.wrappers.HttpTracing;
import dev.spoor.http.wrappers.TracingHttpClient;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.sampler.ConstSampler;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spoor writes, Node reads: a request from Spoor's {@link TracingHttpClient}, inside a traced
 * operation with baggage, to a Node server that extracts the headers with one peer's own code and
 * answers what it found. The peer must see the client span's ids, its sampling state (debug where
 * the format has a flag for it) and every baggage item decoded to the exact value.
 */
class SpoorClientToNodeServerTest {
  private static final InteropTable TABLE = new InteropTable(
      "Spoor TracingHttpClient -> Node server extracting with each peer (real HTTP, 127.0.0.1)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static NodeProcess server;
  private static int port;

  @BeforeAll
  static void startNodeServer() {
    server = NodePeers.start("extracting-server.js");
    JsonObject hello = JsonParser.parseString(server.nextLine()).getAsJsonObject();
    port = hello.get("port").getAsInt();
    System.out.println("Node peers: " + hello.get("versions"));
  }

  @AfterAll
  static void stopNodeServer() {
    if (server != null) {
      server.close();
    }
    TABLE.print();
  }

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (NodePeer peer : NodePeer.values()) {
      for (Sampling sampling : Sampling.values()) {
        for (boolean wide : new boolean[] {false, true}) {
          for (boolean withBaggage : new boolean[] {false, true}) {
            cases.add(Arguments.of(peer, sampling, wide, withBaggage));
          }
        }
      }
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0} {1} 128-bit={2} baggage={3}")
  @MethodSource("cases")
  void nodePeerReadsTheClientSpanSpoorWrote(NodePeer peer, Sampling sampling, boolean wide,
      boolean withBaggage) throws Exception {
    String result = "FAILED";
    try {
      result = check(peer, sampling, wide, withBaggage);
    } finally {
      TABLE.add(peer.format, peer.script, "Spoor -> Node", sampling.json(), InteropCases.ids(wide),
          InteropCases.baggageCell(peer, withBaggage), result);
    }
  }

  private String check(NodePeer peer, Sampling sampling, boolean wide, boolean withBaggage)
      throws Exception {
    AtomicReference<SpoorSpanContext> clientSpan = new AtomicReference<>();
    try (SpoorTracer tracer = SpoorTracer.builder("spoor-client").propagation(peer.format)
        .traceId128Bit(wide).sampler(new ConstSampler(sampling == Sampling.SAMPLED))
        .reporter(new InMemoryReporter()).build()) {
      HttpTracing tracing = HttpTracing.builder(tracer).clientDecorator(new HttpSpanDecorator() {
        @Override
        public void onRequest(HttpRequestInfo request, Span span) {
          clientSpan.set((SpoorSpanContext) span.context());
        }
      }).build();
      HttpClient client = TracingHttpClient.create(tracing, HTTP);
      Span root = sampling == Sampling.DEBUG
          ? tracer.buildSpan("checkout").asChildOf(InteropCases.debugRequest()).start()
          : tracer.buildSpan("checkout").start();
      if (withBaggage) {
        BAGGAGE.forEach(root::setBaggageItem);
      }
      HttpResponse<String> response;
      try (Scope ignored = tracer.activateSpan(root)) {
        response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/extract/" + peer.script))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      } finally {
        root.finish();
      }
      assertEquals(200, response.statusCode(), response.body());
      JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
      JsonObject seen = answer.getAsJsonObject("context");
      String headers = "headers the peer received: " + answer.get("headers");
      SpoorSpanContext sent = clientSpan.get();

      assertTrue(seen.get("valid").getAsBoolean(), headers);
      String expectedTraceId = wide || peer.keeps64BitIds ? sent.toTraceId()
          : InteropCases.hex16(sent.traceIdHigh()) + InteropCases.hex16(sent.traceIdLow());
      assertEquals(expectedTraceId, seen.get("traceId").getAsString(), headers);
      assertEquals(sent.toSpanId(), seen.get("spanId").getAsString(), "the client span, " + headers);
      boolean sampled = sampling != Sampling.UNSAMPLED;
      assertEquals(sampled, sent.isSampled(), "Spoor's own client span");
      assertEquals(sampled, seen.get("sampled").getAsBoolean(), headers);
      JsonElement expectedDebug = peer.debug
          ? new com.google.gson.JsonPrimitive(sampling == Sampling.DEBUG) : JsonNull.INSTANCE;
      assertEquals(expectedDebug, seen.get("debug"), headers);
      Map<String, String> expectedBaggage = withBaggage && peer.baggage ? BAGGAGE : Map.of();
      assertEquals(expectedBaggage, strings(seen.getAsJsonObject("baggage")), headers);
      // Spoor drew the trace id, so traceparent says it is random (W3C Trace Context Level 2);
      // formats without the flag cannot say it, and jaeger-client keeps no trace flags.
      assertTrue(sent.isTraceIdRandom(), "Spoor's own trace id");
      JsonElement expectedRandom = peer.keepsTraceFlags()
          ? new com.google.gson.JsonPrimitive(peer.randomFlag()) : JsonNull.INSTANCE;
      assertEquals(expectedRandom, seen.get("random"), headers);

      String flags = sampling == Sampling.DEBUG && !peer.debug ? "read as sampled (no debug flag)"
          : "sampled=" + sampled + (peer.debug ? " debug=" + (sampling == Sampling.DEBUG) : "");
      return "ok: ids equal, " + flags + (peer.randomFlag() ? " random=true" : "")
          + (expectedBaggage.isEmpty() ? "" : ", baggage values exact");
    }
  }

  static Map<String, String> strings(JsonObject object) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      out.put(entry.getKey(), entry.getValue().getAsString());
    }
    return out;
  }
}
