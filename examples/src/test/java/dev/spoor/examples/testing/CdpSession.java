package dev.spoor.examples.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One Chrome DevTools Protocol connection over a WebSocket ({@code java.net.http.WebSocket}):
 * commands carry an id and are answered with the same id; everything else is an event, queued
 * for {@link #awaitEvent}. Requests the page makes ({@code Network.requestWillBeSent}) are also
 * recorded by URL once the Network domain is enabled.
 */
final class CdpSession {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private final WebSocket socket;
  private final Supplier<String> diagnostics;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
  private final List<String> requestedUrls = new CopyOnWriteArrayList<>();

  private CdpSession(WebSocket socket, Supplier<String> diagnostics) {
    this.socket = socket;
    this.diagnostics = diagnostics;
  }

  /**
   * Connects to the DevTools WebSocket {@code endpoint}; {@code diagnostics} adds what the
   * browser said to the message of a command that failed.
   */
  static CdpSession connect(URI endpoint, Duration timeout, Supplier<String> diagnostics)
      throws InterruptedException, ExecutionException, TimeoutException {
    Listener listener = new Listener();
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .connectTimeout(timeout)
        .buildAsync(endpoint, listener)
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    CdpSession session = new CdpSession(socket, diagnostics);
    listener.session = session;
    return session;
  }

  /**
   * Sends the command {@code method} and returns its {@code result}.
   *
   * @throws IllegalStateException when the browser answers with an error or not in time
   */
  JsonObject send(String method, JsonObject params) {
    int id = ids.incrementAndGet();
    JsonObject message = new JsonObject();
    message.addProperty("id", id);
    message.addProperty("method", method);
    message.add("params", params);
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    pending.put(id, answer);
    try {
      socket.sendText(message.toString(), true)
          .get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      JsonObject reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (reply.has("error")) {
        throw new IllegalStateException(method + " failed: " + reply.get("error"));
      }
      return reply.has("result") ? reply.getAsJsonObject("result") : new JsonObject();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(method + " got no answer: " + e + "\n"
          + diagnostics.get(), e);
    } finally {
      pending.remove(id);
    }
  }

  /** Sends {@code method} and waits only until it is on the wire (for Browser.close). */
  void sendWithoutAnswer(String method, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"method\":\"" + method + "\"}", true)
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Forgets the events received so far. */
  void clearEvents() {
    events.clear();
  }

  /** Waits for the next event named {@code method}, dropping others. */
  JsonObject awaitEvent(String method, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        JsonObject event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
        if (event == null) {
          throw new IllegalStateException("no " + method + " within " + timeout.toSeconds()
              + " s");
        }
        if (method.equals(event.get("method").getAsString())) {
          return event;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + method, e);
    }
  }

  /** Every URL requested since the Network domain was enabled, in order. */
  List<String> requestedUrls() {
    return List.copyOf(requestedUrls);
  }

  /** Drops the connection at once. */
  void abort() {
    socket.abort();
  }

  private void dispatch(String text) {
    JsonObject message = JsonParser.parseString(text).getAsJsonObject();
    if (message.has("id")) {
      CompletableFuture<JsonObject> answer = pending.get(message.get("id").getAsInt());
      if (answer != null) {
        answer.complete(message);
      }
    } else if (message.has("method")) {
      if ("Network.requestWillBeSent".equals(message.get("method").getAsString())) {
        requestedUrls.add(message.getAsJsonObject("params").getAsJsonObject("request")
            .get("url").getAsString());
      }
      events.add(message);
    }
  }

  /** Joins the frames of each text message and hands it to the session. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    volatile CdpSession session;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        CdpSession target = session;
        // Nothing is sent before the session is set, so nothing but stray events comes earlier.
        if (target != null) {
          target.dispatch(message);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
