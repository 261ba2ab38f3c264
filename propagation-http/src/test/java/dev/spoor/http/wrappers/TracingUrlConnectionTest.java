package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.spoor.SpoorSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HttpURLConnection helper calling a wrapped JDK server on 127.0.0.1. */
class TracingUrlConnectionTest {
  private final RecordingTracer recording = new RecordingTracer();
  private final TracingUrlConnection tracing = TracingUrlConnection.create(recording.tracer);
  private HttpServer server;
  private int port;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/echo", TracingHttpHandler.create(recording.tracer, exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int status = body.equals("fail") ? 500 : 200;
      TracingHttpHandlerAndClientTest.respond(exchange, status, "echo:" + body);
    }));
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    recording.close();
  }

  @Test
  void postGetsAClientSpanThatIsTheServerSpansParent() throws Exception {
    HttpURLConnection connection = open("http://user:pw@127.0.0.1:" + port + "/echo?k=v");
    connection.setRequestMethod("POST");

    String answer = tracing.execute(connection, c -> post(c, "hello"));

    assertEquals("200 echo:hello", answer);
    SpoorSpan clientSpan = recording.awaitSpan("client");
    RecordingTracer.assertParent(clientSpan, recording.awaitSpan("server"));
    assertEquals("POST", clientSpan.operationName());
    Map<String, Object> tags = clientSpan.tags();
    assertEquals("client", tags.get("span.kind"));
    assertEquals("java-httpurlconnection", tags.get("component"));
    assertEquals("POST", tags.get("http.method"));
    assertEquals("http://127.0.0.1:" + port + "/echo?k=v", tags.get("http.url"));
    assertEquals(200, tags.get("http.status_code"));
    assertEquals("127.0.0.1", tags.get("peer.ipv4"));
    assertEquals(port, tags.get("peer.port"));
    assertNull(tags.get("error"));
  }

  @Test
  void serverErrorStatusIsAClientError() throws Exception {
    HttpURLConnection connection = open("http://127.0.0.1:" + port + "/echo");
    connection.setRequestMethod("POST");

    String answer = tracing.execute(connection, c -> post(c, "fail"));

    assertEquals("500 ", answer);
    SpoorSpan clientSpan = recording.awaitSpan("client");
    assertEquals(500, clientSpan.tags().get("http.status_code"));
    assertEquals(true, clientSpan.tags().get("error"));
    assertEquals("HTTP status 500", RecordingTracer.errorLog(clientSpan).get("message"));
    assertEquals(true, recording.awaitSpan("server").tags().get("error"));
  }

  @Test
  void failedConnectionIsRethrownUnchangedAndTagged() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    HttpURLConnection connection = open("http://127.0.0.1:" + closedPort + "/echo");
    ConnectException[] thrown = new ConnectException[1];

    ConnectException escaped = assertThrows(ConnectException.class,
        () -> tracing.execute(connection, c -> {
          try {
            return c.getResponseCode();
          } catch (ConnectException e) {
            thrown[0] = e;
            throw e;
          }
        }));

    assertSame(thrown[0], escaped);
    SpoorSpan clientSpan = recording.awaitSpan("client");
    assertEquals(true, clientSpan.tags().get("error"));
    assertSame(escaped, RecordingTracer.errorLog(clientSpan).get("error.object"));
    assertNull(clientSpan.tags().get("http.status_code"));
  }

  private static HttpURLConnection open(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(10_000);
    return connection;
  }

  /** Sends {@code body}; answers "status body", reading the error stream for 4xx and 5xx. */
  private static String post(HttpURLConnection connection, String body) throws IOException {
    connection.setDoOutput(true);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    int status = connection.getResponseCode();
    InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    String answer = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    if (stream != null) {
      stream.close();
    }
    return status + " " + (status >= 400 ? "" : answer);
  }
}
