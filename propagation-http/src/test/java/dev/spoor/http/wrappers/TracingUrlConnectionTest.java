package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spoor.FinishedSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HttpURLConnection helper calling a wrapped JDK server on 127.0.0.1. */
class TracingUrlConnectionTest {
  private final RecordingTracer recording = new RecordingTracer();
  private final TracingUrlConnection tracing = TracingUrlConnection.create(recording.tracer);
  private LoopbackJdkServer server;
  private int port;

  @BeforeEach
  void startServer() throws IOException {
    server = LoopbackJdkServer.start().handle("/echo", TracingHttpHandler.create(recording.tracer,
        exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int status = body.equals("fail") ? 500 : 200;
          LoopbackJdkServer.respond(exchange, status, "echo:" + body);
        }));
    port = server.port();
  }

  @AfterEach
  void stop() {
    server.close();
    recording.close();
  }

  @Test
  void postGetsAClientSpanThatIsTheServerSpansParent() throws Exception {
    String answer = post("http://user:pw@127.0.0.1:" + port + "/echo?k=v", "hello");

    assertEquals("200 echo:hello", answer);
    FinishedSpan clientSpan = recording.awaitSpan("client");
    RecordingTracer.assertParent(clientSpan, recording.awaitSpan("server"));
    assertEquals("POST", clientSpan.operationName());
    RecordingTracer.assertHttpTags(clientSpan, "client", "java-httpurlconnection", "POST",
        "http://127.0.0.1:" + port + "/echo?k=v", 200);
    assertEquals(port, clientSpan.tags().get("peer.port"));
  }

  @Test
  void serverErrorStatusIsAClientError() throws Exception {
    String answer = post("http://127.0.0.1:" + port + "/echo", "fail");

    assertEquals("500 ", answer);
    FinishedSpan clientSpan = recording.awaitSpan("client");
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
    FinishedSpan clientSpan = recording.awaitSpan("client");
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

  /** Posts {@code body} to {@code url} through the helper; answers "status body". */
  private String post(String url, String body) throws IOException {
    HttpURLConnection connection = open(url);
    connection.setRequestMethod("POST");
    return tracing.execute(connection, c -> send(c, body));
  }

  /** Sends {@code body}; answers "status body", reading the error stream for 4xx and 5xx. */
  private static String send(HttpURLConnection connection, String body) throws IOException {
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
