package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.LogCapture;
import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An HTTP backend that is down, failing, throttling, slow, refusing or talking nonsense: every
 * span still ends in exactly one counter, retries are bounded, and no credential reaches a log.
 */
class HttpSenderFaultsTest {
  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private CollectorServer server(CollectorServer.Answer... answers) throws Exception {
    CollectorServer server = new CollectorServer().answer(answers);
    resources.add(server);
    return server;
  }

  private SpoorTracer tracer(RemoteReporter.Builder reporter) {
    SpoorTracer tracer = SpoorTracer.builder("faults").reporter(reporter.build()).build();
    resources.add(tracer);
    return tracer;
  }

  private static RemoteReporter.Builder to(String url, long timeoutMillis) {
    return RemoteReporter.builder().maxQueueSize(10_000).flushInterval(1, TimeUnit.HOURS)
        .sender(OtlpHttpSender.builder(url).header("api-key", "top-secret-key")
            .timeout(timeoutMillis, TimeUnit.MILLISECONDS).build());
  }

  private static RemoteReporter reporter(SpoorTracer tracer) {
    return (RemoteReporter) tracer.reporter();
  }

  static long accounted(SpoorMetrics metrics) {
    return metrics.get(Metric.SPANS_SENT) + metrics.get(Metric.SPANS_DROPPED_QUEUE_FULL)
        + metrics.get(Metric.SPANS_DROPPED_AFTER_CLOSE) + metrics.get(Metric.SPANS_DROPPED_TOO_LARGE)
        + metrics.get(Metric.SPANS_DROPPED_SEND_FAILED) + metrics.get(Metric.SPANS_DROPPED_REJECTED);
  }

  private static void finish(SpoorTracer tracer, int spans) {
    for (int i = 0; i < spans; i++) {
      tracer.buildSpan("op").withTag("i", i).start().finish();
    }
  }

  @Test
  void retriesA503AndCountsTheSpansSentOnce() throws Exception {
    CollectorServer server = server(CollectorServer.Answer.status(503));
    SpoorTracer tracer = tracer(to(server.url() + "/v1/traces", 5000));
    finish(tracer, 10);
    assertTrue(reporter(tracer).flush());

    assertEquals(2, server.requests().size());
    assertEquals(10, OtlpHttpSenderTest.spans(server.requests().get(1)).size());
    SpoorMetrics metrics = tracer.metrics();
    assertEquals(10, metrics.get(Metric.SPANS_SENT));
    assertEquals(1, metrics.get(Metric.SEND_RETRIES));
    assertEquals(1, metrics.get(Metric.SEND_FAILURES));
    assertEquals(10, accounted(metrics));
  }

  @Test
  void waitsTheRetryAfterOfA429() throws Exception {
    CollectorServer server = server(new CollectorServer.Answer(429,
        Map.of("Retry-After", "1"), "slow down", 0));
    SpoorTracer tracer = tracer(to(server.url() + "/v1/traces", 5000));
    finish(tracer, 3);
    long start = System.nanoTime();
    assertTrue(reporter(tracer).flush());
    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertEquals(2, server.requests().size());
    assertTrue(waitedMillis >= 1000, "retried after " + waitedMillis + " ms");
    assertEquals(3, tracer.metrics().get(Metric.SPANS_SENT));
  }

  @Test
  void readsRetryAfterAsSecondsOrAnHttpDate() {
    assertEquals(120_000, HttpPost.retryAfterMillis("120"));
    assertEquals(-1, HttpPost.retryAfterMillis("soon"));
    assertEquals(-1, HttpPost.retryAfterMillis(null));
    assertEquals(0, HttpPost.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT"), "in the past");
    String inAMinute = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(60));
    long millis = HttpPost.retryAfterMillis(inAMinute);
    assertTrue(millis > 50_000 && millis <= 60_000, () -> millis + " ms");
    assertEquals(RetryPolicy.MAX_RETRY_AFTER_MILLIS, RetryPolicy.delayMillis(1, 3_600_000));
  }

  @Test
  void splitsAMessageTheBackendFindsTooLargeAndSendsEachHalf() throws Exception {
    CollectorServer server = server(CollectorServer.Answer.status(413));
    SpoorTracer tracer = tracer(to(server.url() + "/v1/traces", 5000));
    finish(tracer, 100);
    assertTrue(reporter(tracer).flush());

    List<CollectorServer.Request> requests = server.requests();
    assertEquals(3, requests.size(), "the refused message, then its two halves");
    assertEquals(100, OtlpHttpSenderTest.spans(requests.get(0)).size());
    assertEquals(50, OtlpHttpSenderTest.spans(requests.get(1)).size());
    assertEquals(50, OtlpHttpSenderTest.spans(requests.get(2)).size());
    assertEquals(100, tracer.metrics().get(Metric.SPANS_SENT));
    assertEquals(2, tracer.metrics().get(Metric.MESSAGES_SENT));
  }

  @Test
  void dropsAndCountsASingleSpanTheBackendFindsTooLarge() throws Exception {
    CollectorServer server = server(CollectorServer.Answer.status(413));
    SpoorTracer tracer = tracer(to(server.url() + "/v1/traces", 5000));
    finish(tracer, 1);
    assertTrue(reporter(tracer).flush());

    assertEquals(1, tracer.metrics().get(Metric.SPANS_DROPPED_TOO_LARGE));
    assertEquals(1, accounted(tracer.metrics()));
  }

  @Test
  void dropsAndCountsAsRejectedWhatA400RefusesWithoutRetrying() throws Exception {
    CollectorServer server = server(new CollectorServer.Answer(400, Map.of(),
        "bad\r\nINJECTED log line\u0007", 0));
    try (LogCapture log = new LogCapture(SpanBatcher.class.getName())) {
      SpoorTracer tracer = tracer(to(server.url() + "/v1/traces", 5000));
      finish(tracer, 4);
      assertTrue(reporter(tracer).flush());

      assertEquals(1, server.requests().size(), "not retried");
      assertEquals(4, tracer.metrics().get(Metric.SPANS_DROPPED_REJECTED));
      assertEquals(4, accounted(tracer.metrics()));
      List<String> warnings = log.warnings();
      assertEquals(1, warnings.size(), warnings::toString);
      String warning = warnings.get(0);
      assertTrue(warning.contains("HTTP 400: bad??INJECTED log line"), warning);
      assertFalse(warning.contains("\n") || warning.contains("\r") || warning.contains("\u0007"),
          warning);
      assertFalse(warning.contains("top-secret-key"), warning);
    }
  }

  @Test
  void countsEverySpanAsFailedWhenNoServerListens() throws Exception {
    int port = CollectorServer.freePort();
    try (LogCapture log = new LogCapture(SpanBatcher.class.getName())) {
      SpoorTracer tracer = tracer(to("http://127.0.0.1:" + port + "/v1/traces", 2000)
          .maxSendAttempts(2));
      finish(tracer, 5);
      assertTrue(reporter(tracer).flush());

      SpoorMetrics metrics = tracer.metrics();
      assertEquals(5, metrics.get(Metric.SPANS_DROPPED_SEND_FAILED));
      assertEquals(2, metrics.get(Metric.SEND_FAILURES), "two attempts");
      assertEquals(1, metrics.get(Metric.SEND_RETRIES));
      for (String line : log.messages()) {
        assertFalse(line.contains("top-secret-key"), line);
      }
    }
  }

  @Test
  void givesUpOnASlowServerAfterTheTimeoutAndRetries() throws Exception {
    CollectorServer server = server(new CollectorServer.Answer(200, Map.of(), "", 30_000));
    SpoorTracer tracer = tracer(to(server.url() + "/v1/traces", 300));
    finish(tracer, 2);
    assertTrue(reporter(tracer).flush());

    SpoorMetrics metrics = tracer.metrics();
    assertEquals(2, metrics.get(Metric.SPANS_SENT), "the retry went to the default answer");
    assertEquals(1, metrics.get(Metric.SEND_FAILURES));
  }

  @Test
  void aGarbageAnswerIsAFailedAttemptNotACrash() throws Exception {
    try (java.net.ServerSocket garbage = new java.net.ServerSocket(0, 50,
        java.net.InetAddress.getLoopbackAddress())) {
      Thread answering = new Thread(() -> {
        while (!garbage.isClosed()) {
          try (java.net.Socket socket = garbage.accept()) {
            socket.getOutputStream().write("NOT HTTP AT ALL\r\n\r\n\u0000\u0001"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
          } catch (java.io.IOException e) {
            return;
          }
        }
      }, "garbage-server");
      answering.setDaemon(true);
      answering.start();
      SpoorTracer tracer = tracer(to("http://127.0.0.1:" + garbage.getLocalPort() + "/v1/traces",
          2000).maxSendAttempts(2));
      finish(tracer, 3);
      assertTrue(reporter(tracer).flush());

      assertEquals(3, accounted(tracer.metrics()));
      assertEquals(0, tracer.metrics().get(Metric.SPANS_SENT));
    }
  }

  @Test
  void closeUnderLoadAccountsForEverySpanWithinTheCloseTimeout() throws Exception {
    CollectorServer server = server(CollectorServer.Answer.status(503),
        CollectorServer.Answer.status(503), CollectorServer.Answer.status(503));
    SpoorTracer tracer = tracer(to(server.url() + "/v1/traces", 2000).maxQueueSize(500)
        .flushInterval(5, TimeUnit.MILLISECONDS).closeTimeout(3, TimeUnit.SECONDS));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      work.add(threads.submit(() -> finish(tracer, 5_000)));
    }
    for (Future<?> future : work) {
      future.get(60, TimeUnit.SECONDS);
    }
    threads.shutdown();
    long start = System.nanoTime();
    tracer.close();
    long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    SpoorMetrics metrics = tracer.metrics();
    assertTrue(closeMillis < 10_000, "close took " + closeMillis + " ms");
    AgentReceiver.awaitTrue(() -> accounted(metrics) == metrics.get(Metric.SPANS_REPORTED),
        metrics::toString);
    assertEquals(20_000, metrics.get(Metric.SPANS_REPORTED));
    assertTrue(metrics.get(Metric.SPANS_SENT) > 0, metrics::toString);
  }
}
