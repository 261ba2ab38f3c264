package dev.spoor.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.LogCapture;
import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import dev.spoor.internal.HttpConnections;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.AgentReceiver;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.sampler.StrategyServer.Answer;
import io.opentracing.Span;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A slow, dead or broken endpoint: the last good strategy stays, the poll is counted as failed
 * and warned about (cleaned, rate-limited), the tracer keeps working and nothing throws.
 */
class RemoteSamplerFaultsTest {
  private static final String LOGGER = RemoteSampler.class.getName();

  private final StrategyServer server = new StrategyServer();
  private final SpoorMetrics metrics = new SpoorMetrics();
  private final InMemoryReporter reporter = new InMemoryReporter();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private RemoteSampler.Builder remote(String endpoint) {
    return RemoteSampler.builder("checkout").endpoint(endpoint).metrics(metrics)
        .refreshInterval(1, TimeUnit.HOURS).pollingThread(false);
  }

  private SpoorTracer tracer(Sampler sampler) {
    return SpoorTracer.builder("checkout").sampler(sampler).metrics(metrics).reporter(reporter)
        .build();
  }

  private static boolean rootSampled(SpoorTracer tracer) {
    FinishedSpan span = (FinishedSpan) tracer.buildSpan("op").start();
    ((Span) span).finish();
    return span.context().isSampled();
  }

  static Stream<Arguments> faults() {
    byte[] tenMegabytes = new byte[10 << 20];
    Arrays.fill(tenMegabytes, (byte) ' ');
    byte[] notUtf8 = "{\"probabilisticSampling\":{\"samplingRate\":0}} \u00ff"
        .getBytes(StandardCharsets.ISO_8859_1);
    return Stream.of(
        Arguments.of("HTTP 500", Answer.json(500, "collector error: boom"), "HTTP status 500"),
        Arguments.of("HTTP 404", Answer.json(404, "404 page not found"), "HTTP status 404"),
        Arguments.of("garbage", Answer.json(200, "<html>\r\nFAKE-LOG-LINE</html>"), "not JSON"),
        Arguments.of("no strategy", Answer.json(200, "{\"strategyType\":0}"), "no strategy"),
        Arguments.of("strategies file", Answer.json(200, "{\"default_strategy\":{}}"),
            "strategies file"),
        Arguments.of("out of range", Answer.json(200,
            "{\"probabilisticSampling\":{\"samplingRate\":7}}"), "not a probability"),
        Arguments.of("10 MB with a length", Answer.bytes(tenMegabytes, false), "more than 1048576"),
        Arguments.of("10 MB chunked", Answer.bytes(tenMegabytes, true), "larger than 1048576"),
        Arguments.of("deep nesting", Answer.bytes(
            "[".repeat(500_000).getBytes(StandardCharsets.US_ASCII), false), "nested deeper"),
        Arguments.of("not UTF-8", Answer.bytes(notUtf8, false), "not UTF-8"),
        Arguments.of("hanging", Answer.hanging(), "SocketTimeoutException"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void aBadAnswerKeepsTheLastGoodStrategyAndIsCountedAndWarnedAbout(
      String fault, Answer answer, String reason) {
    server.serve(RemoteSamplerTest.ALL);
    // Short enough for the hanging case, long enough for the good poll on a loaded machine.
    RemoteSampler sampler = remote(server.samplingEndpoint()).initialProbability(0.0)
        .timeout(answer.hang ? Duration.ofSeconds(2) : Duration.ofSeconds(5)).build();
    try (SpoorTracer tracer = tracer(sampler); LogCapture log = new LogCapture(LOGGER)) {
      sampler.pollNow();
      assertTrue(rootSampled(tracer), "the good strategy is in force");
      server.answer(answer);
      sampler.pollNow();
      assertTrue(rootSampled(tracer), "still in force after " + fault);
      assertEquals(1, metrics.get(Metric.SAMPLER_QUERIES_OK));
      assertEquals(1, metrics.get(Metric.SAMPLER_QUERIES_FAILED));
      assertEquals(1, metrics.get(Metric.SAMPLER_UPDATES));
      List<String> warnings = log.messages();
      assertEquals(1, warnings.size(), warnings::toString);
      String warning = warnings.get(0);
      assertTrue(warning.contains(reason), warning);
      assertTrue(warning.contains("keeping ProbabilisticSampler{1.0}"), warning);
      assertTrue(warning.contains(server.samplingEndpoint()), warning);
      assertFalse(warning.contains("\n") || warning.contains("\r"), warning);
      assertTrue(warning.length() < 500, warning);
    }
  }

  @Test
  void anAbsentServerLeavesTheInitialSamplerDeciding() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    RemoteSampler sampler =
        remote("http://127.0.0.1:" + freePort + "/sampling").initialProbability(1.0).build();
    try (SpoorTracer tracer = tracer(sampler); LogCapture log = new LogCapture(LOGGER)) {
      for (int i = 0; i < 3; i++) {
        sampler.pollNow();
        assertTrue(rootSampled(tracer));
      }
      assertEquals(3, metrics.get(Metric.SAMPLER_QUERIES_FAILED));
      assertEquals(0, metrics.get(Metric.SAMPLER_QUERIES_OK));
      assertEquals(1, log.messages().size(), "one warning per interval: " + log.messages());
      assertTrue(log.messages().get(0).contains("ConnectException"), log.messages().get(0));
      assertEquals(3, tracer.metrics().get(Metric.SPANS_SAMPLED));
    }
  }

  @Test
  void userInfoInAnExceptionsTextIsHidden() {
    assertEquals("java.io.IOException: for URL: http://***@agent:5778/sampling?service=a@b",
        HttpConnections.withoutUserInfo(
            "java.io.IOException: for URL: http://admin:s3cret@agent:5778/sampling?service=a@b"));
    assertEquals("Connection refused", HttpConnections.withoutUserInfo("Connection refused"));
  }

  @Test
  void warningsAreRateLimitedAndSayHowManyWereSuppressed() {
    server.answer(Answer.json(503, "unavailable"));
    RemoteSampler sampler = remote(server.samplingEndpoint())
        .warningInterval(0, TimeUnit.NANOSECONDS).build();
    try (LogCapture log = new LogCapture(LOGGER)) {
      sampler.pollNow();
      sampler.pollNow();
      assertEquals(2, log.messages().size(), "an interval of 0 logs every failure");
    }
    RemoteSampler quiet = remote(server.samplingEndpoint()).build();
    try (LogCapture log = new LogCapture(LOGGER)) {
      for (int i = 0; i < 20; i++) {
        quiet.pollNow();
      }
      assertEquals(1, log.messages().size(), "the default: once per 5 minutes");
    }
  }

  @Test
  void aHangingEndpointNeverHoldsUpTheApplication() throws Exception {
    server.answer(Answer.hanging());
    RemoteSampler sampler = RemoteSampler.builder("checkout").endpoint(server.samplingEndpoint())
        .metrics(metrics).initialProbability(1.0).timeout(Duration.ofSeconds(30)).build();
    try (SpoorTracer tracer = tracer(sampler)) {
      assertTrue(rootSampled(tracer)); // starts the thread, whose poll now hangs
      AgentReceiver.awaitTrue(() -> !server.requests().isEmpty(),
          () -> "the sampler never asked the hanging endpoint");
      assertEquals(1, server.requests().size());
      // The poll cannot end before the server does; every span starts and finishes meanwhile.
      for (int i = 0; i < 10_000; i++) {
        assertTrue(rootSampled(tracer));
      }
      assertEquals(0, metrics.get(Metric.SAMPLER_QUERIES_OK) + metrics.get(
          Metric.SAMPLER_QUERIES_FAILED), "the poll is still hanging");
    }
  }
}
