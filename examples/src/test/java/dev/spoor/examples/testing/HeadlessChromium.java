package dev.spoor.examples.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol: a real browser process, one page,
 * and a WebSocket client ({@code java.net.http.WebSocket}) that sends CDP commands and waits for
 * their answers and events, so tests can load a page, read its DOM, click and hover with real
 * mouse events, and take screenshots.
 *
 * <p>Chromium runs with a fresh profile in a temporary directory, with the flags that keep it off
 * the network (no background networking, component updates, sync or QUIC) and a debugging port
 * on 127.0.0.1 chosen by Chromium itself. {@link #close()} asks the browser to quit, kills it if
 * it does not, and deletes the profile. {@link #start()} fails with a clear message when no
 * Chromium is installed: a test that needs the browser must fail without it, never pass.
 */
public final class HeadlessChromium implements AutoCloseable {
  /** System property naming the Chromium executable; {@code /usr/bin/chromium} by default. */
  public static final String EXECUTABLE_PROPERTY = "spoor.chromium";
  /** Debian's chromium package installs the browser here. */
  public static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/chromium");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final Process process;
  private final Path profile;
  private final Path browserLog;
  private final CdpSession session;

  private HeadlessChromium(Process process, Path profile, Path browserLog, CdpSession session) {
    this.process = process;
    this.profile = profile;
    this.browserLog = browserLog;
    this.session = session;
  }

  /** The Chromium executable this machine would use, or an explanation of why there is none. */
  public static Path executable() {
    String configured = System.getProperty(EXECUTABLE_PROPERTY);
    Path path = configured == null || configured.isBlank() ? DEFAULT_EXECUTABLE
        : Path.of(configured);
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException("Chromium is needed to render the trace page but "
          + path + " is not an executable file. Install Debian's chromium package"
          + " (apt-get install -y chromium, as .ci/run does), or point -D" + EXECUTABLE_PROPERTY
          + "=/path/to/chromium at one. This test fails rather than skips without it.");
    }
    return path;
  }

  /**
   * Starts Chromium on {@code about:blank} with a {@code width} x {@code height} window and
   * connects to its page.
   *
   * @throws IllegalStateException when Chromium is missing or does not open its debugging port
   */
  public static HeadlessChromium start(int width, int height)
      throws IOException, InterruptedException {
    Path executable = executable();
    Path profile = Files.createTempDirectory("spoor-chromium-");
    Path log = profile.resolve("chromium-stderr.log");
    List<String> command = List.of(executable.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--hide-scrollbars", "--mute-audio",
        "--user-data-dir=" + profile.resolve("profile"),
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "--window-size=" + width + "," + height, "about:blank");
    Process process = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(log.toFile())
        .start();
    try {
      int port = awaitDebuggingPort(process, profile.resolve("profile"), log);
      URI pageSocket = pageWebSocket(port);
      CdpSession session = CdpSession.connect(pageSocket, Duration.ofSeconds(10),
          () -> tail(log));
      HeadlessChromium browser = new HeadlessChromium(process, profile, log, session);
      browser.send("Page.enable", new JsonObject());
      browser.send("Runtime.enable", new JsonObject());
      browser.send("Network.enable", new JsonObject());
      JsonObject metrics = new JsonObject();
      metrics.addProperty("width", width);
      metrics.addProperty("height", height);
      metrics.addProperty("deviceScaleFactor", 1);
      metrics.addProperty("mobile", false);
      browser.send("Emulation.setDeviceMetricsOverride", metrics);
      return browser;
    } catch (IOException | InterruptedException | RuntimeException | ExecutionException
        | TimeoutException e) {
      stop(process);
      String stderr = tail(log);
      deleteTree(profile);
      if (e instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new IllegalStateException("Chromium did not start: " + e + "\n" + stderr, e);
    }
  }

  /** Chromium writes its debugging port into {@code DevToolsActivePort} in the profile. */
  private static int awaitDebuggingPort(Process process, Path profile, Path log)
      throws IOException {
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      if (Files.isRegularFile(portFile)) {
        List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).trim());
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("Chromium exited with status " + process.exitValue()
            + " before opening its debugging port");
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("no debugging port from Chromium within "
            + START_TIMEOUT.toSeconds() + " s");
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  private static URI pageWebSocket(int port) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(Duration.ofSeconds(10))
        .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
      for (JsonElement target : JsonParser.parseString(body).getAsJsonArray()) {
        JsonObject object = target.getAsJsonObject();
        if ("page".equals(object.get("type").getAsString())
            && object.has("webSocketDebuggerUrl")) {
          return URI.create(object.get("webSocketDebuggerUrl").getAsString());
        }
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("Chromium lists no page target: " + body);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /**
   * Sends the CDP command {@code method} and returns its {@code result}.
   *
   * @throws IllegalStateException when Chromium answers with an error or not in time
   */
  public JsonObject send(String method, JsonObject params) {
    return session.send(method, params);
  }

  /** Every URL the page requested since the browser started, in order (Network domain). */
  public List<String> requestedUrls() {
    return session.requestedUrls();
  }

  /** Loads {@code url} and waits for its load event. */
  public void navigate(String url) {
    session.clearEvents();
    JsonObject params = new JsonObject();
    params.addProperty("url", url);
    JsonObject result = send("Page.navigate", params);
    if (result.has("errorText")) {
      throw new IllegalStateException("cannot load " + url + ": " + result.get("errorText"));
    }
    awaitEvent("Page.loadEventFired", COMMAND_TIMEOUT);
  }

  /** Waits for the next CDP event named {@code method}. */
  public JsonObject awaitEvent(String method, Duration timeout) {
    return session.awaitEvent(method, timeout);
  }

  /**
   * Evaluates {@code expression} in the page and returns its value as JSON (null for
   * {@code undefined}).
   *
   * @throws IllegalStateException when the expression throws
   */
  public JsonElement evaluate(String expression) {
    JsonObject params = new JsonObject();
    params.addProperty("expression", expression);
    params.addProperty("returnByValue", true);
    params.addProperty("awaitPromise", true);
    JsonObject result = send("Runtime.evaluate", params);
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("the page threw evaluating " + expression + ": "
          + result.get("exceptionDetails"));
    }
    JsonObject value = result.getAsJsonObject("result");
    return value.has("value") ? value.get("value") : null;
  }

  /** Evaluates {@code expression} until it is {@code true}, or fails after {@code timeout}. */
  public void awaitTrue(String expression, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonElement value = evaluate(expression);
      if (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()
          && value.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("still not true after " + timeout.toSeconds() + " s: "
            + expression);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /** The viewport centre of the first element matching {@code selector}, scrolled into view. */
  public double[] centerOf(String selector) {
    JsonElement box = evaluate("(function(){var e=document.querySelector(" + jsString(selector)
        + ");if(!e)return null;e.scrollIntoView({block:'nearest'});var r=e.getBoundingClientRect();"
        + "return [r.left+r.width/2,r.top+r.height/2];})()");
    if (box == null || box.isJsonNull()) {
      throw new IllegalStateException("no element matches " + selector);
    }
    JsonArray xy = box.getAsJsonArray();
    return new double[] {xy.get(0).getAsDouble(), xy.get(1).getAsDouble()};
  }

  /** Clicks the middle of the first element matching {@code selector} with real mouse events. */
  public void click(String selector) {
    double[] xy = centerOf(selector);
    mouse("mouseMoved", xy, 0);
    mouse("mousePressed", xy, 1);
    mouse("mouseReleased", xy, 1);
  }

  /** Moves the mouse over the middle of the first element matching {@code selector}. */
  public void hover(String selector) {
    mouse("mouseMoved", centerOf(selector), 0);
  }

  private void mouse(String type, double[] xy, int clickCount) {
    JsonObject params = new JsonObject();
    params.addProperty("type", type);
    params.addProperty("x", xy[0]);
    params.addProperty("y", xy[1]);
    params.addProperty("button", clickCount > 0 ? "left" : "none");
    params.addProperty("clickCount", clickCount);
    send("Input.dispatchMouseEvent", params);
  }

  /** A PNG of the viewport. */
  public byte[] screenshot() {
    JsonObject params = new JsonObject();
    params.addProperty("format", "png");
    return Base64.getDecoder().decode(send("Page.captureScreenshot", params).get("data")
        .getAsString());
  }

  /** Asks Chromium to quit, kills it if it does not within a few seconds, deletes its profile. */
  @Override
  public void close() {
    try {
      session.sendWithoutAnswer("Browser.close", Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      // Killed below.
    }
    session.abort();
    stop(process);
    deleteTree(profile);
  }

  private static void stop(Process process) {
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** A JavaScript string literal holding {@code text}. */
  public static String jsString(String text) {
    JsonArray holder = new JsonArray();
    holder.add(text);
    String array = holder.toString();
    return array.substring(1, array.length() - 1);
  }

  private static String tail(Path log) {
    try {
      if (!Files.isRegularFile(log)) {
        return "";
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "Chromium's stderr (last lines):\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory; the system cleans it up eventually.
    }
  }
}
