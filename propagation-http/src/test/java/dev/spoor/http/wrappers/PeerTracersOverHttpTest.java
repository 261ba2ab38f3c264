package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.spoor.FinishedSpan;
import dev.spoor.SpoorSpanContext;
import dev.spoor.http.wrappers.HttpPeer.PeerContext;
import io.opentracing.Scope;
import io.opentracing.Span;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real HTTP between Spoor's wrappers and other tracers' own propagation code: jaeger-client-java
 * 1.8.1, OpenTelemetry's W3C propagators and Brave's B3. The peer writes or reads the headers of
 * a real request on 127.0.0.1; Spoor's side is the wrapped JDK server, the servlet filter in
 * Jetty 12, or a wrapped client ({@code java.net.http} or {@code HttpURLConnection}).
 */
class PeerTracersOverHttpTest {
  private final ClientPool pool = new ClientPool();
  private final AtomicReference<String> baggageSeenByTheApplication = new AtomicReference<>();
  private RecordingTracer recording;
  private LoopbackJdkServer server;
  private LoopbackJetty jetty;

  /** Each peer with the Spoor propagation format that speaks its headers. */
  static Stream<Arguments> peers() {
    return Stream.of(Arguments.of(new JaegerClientPeer(), "jaeger"),
        Arguments.of(new OpenTelemetryPeer(), "w3c"), Arguments.of(new BravePeer(), "b3"));
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (jetty != null) {
      jetty.close();
    }
    pool.close();
    if (recording != null) {
      recording.close();
    }
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("peers")
  void wrappedJdkServerContinuesThePeersTraceWithItsBaggage(HttpPeer peer, String format)
      throws Exception {
    recording = new RecordingTracer("spoor-server", format);
    server = LoopbackJdkServer.start().handle("/orders", TracingHttpHandler.create(
        recording.tracer, exchange -> {
          recordActiveBaggage();
          LoopbackJdkServer.respond(exchange, 200, "ok");
        }));
    assertServerContinuesThePeersTrace(peer, server.uri("/orders/7"));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("peers")
  void jettyWithTheFilterContinuesThePeersTraceWithItsBaggage(HttpPeer peer, String format)
      throws Exception {
    recording = new RecordingTracer("spoor-servlet", format);
    ServletContextHandler context = new ServletContextHandler();
    context.addFilter(new FilterHolder(TracingFilter.create(recording.tracer)), "/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        recordActiveBaggage();
        response.setStatus(200);
      }
    }), "/orders/*");
    jetty = LoopbackJetty.start(context);
    assertServerContinuesThePeersTrace(peer, jetty.uri("/orders/7"));
  }

  /** Called by the application inside the server span: keeps the baggage it can read. */
  private void recordActiveBaggage() {
    baggageSeenByTheApplication.set(
        recording.tracer.activeSpan().getBaggageItem(HttpPeer.BAGGAGE_KEY));
  }

  /** Sends the peer's headers to {@code uri}; the server span continues the peer's span. */
  private void assertServerContinuesThePeersTrace(HttpPeer peer, URI uri) throws Exception {
    Map<String, String> headers = new HashMap<>();
    PeerContext sent = peer.startAndInject(headers);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    headers.forEach(request::header);

    HttpResponse<String> response =
        pool.plainClient().send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    SpoorSpanContext continued = recording.awaitSpan("server").context();
    assertEquals(sent.traceIdHigh(), continued.traceIdHigh(), headers.toString());
    assertEquals(sent.traceIdLow(), continued.traceIdLow(), headers.toString());
    assertEquals(sent.spanId(), continued.parentId(), "the peer's span is the parent");
    assertTrue(continued.isSampled());
    assertEquals(HttpPeer.BAGGAGE_VALUE, baggageSeenByTheApplication.get());
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("peers")
  void peerServerSeesTheWrappedClientsSpanAndBaggage(HttpPeer peer, String format)
      throws Exception {
    assertPeerSeesTheClientSpan(peer, format, uri -> TracingHttpClient
        .create(recording.tracer, pool.plainClient())
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode());
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("peers")
  void peerServerSeesTheUrlConnectionsSpanAndBaggage(HttpPeer peer, String format)
      throws Exception {
    assertPeerSeesTheClientSpan(peer, format, uri -> {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      try {
        return TracingUrlConnection.create(recording.tracer)
            .execute(connection, HttpURLConnection::getResponseCode);
      } finally {
        connection.disconnect();
      }
    });
  }

  /** One request through a wrapped client, inside an active span with baggage, to the peer. */
  @FunctionalInterface
  private interface ClientCall {
    int statusOf(URI uri) throws Exception;
  }

  private void assertPeerSeesTheClientSpan(HttpPeer peer, String format, ClientCall call)
      throws Exception {
    recording = new RecordingTracer("spoor-client", format);
    AtomicReference<PeerContext> seenByPeer = new AtomicReference<>();
    server = LoopbackJdkServer.start().handle("/stock", exchange -> {
      seenByPeer.set(peer.extract(lowerCaseHeaders(exchange)));
      LoopbackJdkServer.respond(exchange, 200, "7 left");
    });
    Span root = recording.tracer.buildSpan("checkout").start();
    root.setBaggageItem(HttpPeer.BAGGAGE_KEY, HttpPeer.BAGGAGE_VALUE);

    int status;
    try (Scope ignored = recording.tracer.activateSpan(root)) {
      status = call.statusOf(server.uri("/stock/42"));
    } finally {
      root.finish();
    }

    assertEquals(200, status);
    FinishedSpan client = recording.awaitSpan("client");
    PeerContext seen = seenByPeer.get();
    assertEquals(client.context().traceIdHigh(), seen.traceIdHigh(), seen.toString());
    assertEquals(client.context().traceIdLow(), seen.traceIdLow(), seen.toString());
    assertEquals(client.context().spanId(), seen.spanId(), "the client span is the peer's parent");
    assertTrue(seen.sampled());
    assertEquals(HttpPeer.BAGGAGE_VALUE, seen.baggage());
  }

  /**
   * The request's headers as an HTTP/2 peer would see them: lower-case names, first value, looked
   * up case-insensitively (Brave asks for {@code X-B3-TraceId}).
   */
  private static Map<String, String> lowerCaseHeaders(HttpExchange exchange) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue().get(0));
    }
    return headers;
  }
}
