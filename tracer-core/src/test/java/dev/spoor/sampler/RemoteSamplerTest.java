package dev.spoor.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.spoor.LogCapture;
import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.AgentReceiver;
import dev.spoor.reporter.InMemoryReporter;
import io.opentracing.Span;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The remote sampler against a real HTTP endpoint on 127.0.0.1. */
class RemoteSamplerTest {
  static final String PER_OPERATION = "{\"strategyType\":\"PROBABILISTIC\",\"operationSampling\":{"
      + "\"defaultSamplingProbability\":0.01,\"defaultLowerBoundTracesPerSecond\":0,"
      + "\"perOperationStrategies\":["
      + "{\"operation\":\"GET /checkout\",\"probabilisticSampling\":{\"samplingRate\":0.5}},"
      + "{\"operation\":\"GET /health\",\"probabilisticSampling\":{\"samplingRate\":0}},"
      + "{\"operation\":\"POST /pay\",\"probabilisticSampling\":{\"samplingRate\":0.1}}]}}";
  static final String ALL = "{\"strategyType\":0,\"probabilisticSampling\":{\"samplingRate\":1}}";
  static final String NONE = "{\"probabilisticSampling\":{\"samplingRate\":0}}";

  private final StrategyServer server = new StrategyServer();
  private final SpoorMetrics metrics = new SpoorMetrics();
  private final InMemoryReporter reporter = new InMemoryReporter();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private RemoteSampler.Builder remote() {
    return RemoteSampler.builder("checkout").endpoint(server.samplingEndpoint())
        .refreshInterval(1, TimeUnit.HOURS).metrics(metrics).pollingThread(false);
  }

  private SpoorTracer tracer(Sampler sampler) {
    return SpoorTracer.builder("checkout").sampler(sampler).metrics(metrics).reporter(reporter)
        .build();
  }

  private static void await(String what, BooleanSupplier condition) {
    AgentReceiver.awaitTrue(condition, () -> "timed out waiting until " + what);
  }


  private static int sampledOf(Sampler sampler, String operation, int traces, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int sampled = 0;
    for (int i = 0; i < traces; i++) {
      if (sampler.sample(operation, random.nextLong(), random.nextLong()).isSampled()) {
        sampled++;
      }
    }
    return sampled;
  }

  @Test
  void theFirstRootSpanStartsOnePollOffTheCallersThreadWithTheServiceNameEncoded()
      throws Exception {
    server.answer(StrategyServer.Answer.hanging());
    RemoteSampler sampler = RemoteSampler.builder("check out/ü").endpoint(server.samplingEndpoint())
        .initialProbability(1.0).metrics(metrics).timeout(Duration.ofMillis(500)).build();
    long closedAt;
    try (SpoorTracer tracer = tracer(sampler)) {
      assertFalse(sampler.isPolling(), "nothing starts before the first root span");
      FinishedSpan span = (FinishedSpan) tracer.buildSpan("GET /checkout").start();
      assertTrue(span.context().isSampled(), "the initial sampler decided, without waiting");
      ((Span) span).finish();
      await("the endpoint is asked", () -> server.requests().size() == 1);
      assertEquals("/sampling?service=check+out%2F%C3%BC", server.requests().get(0));
      Thread poller = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals("spoor-sampler")).findFirst().orElseThrow();
      assertTrue(poller.isDaemon());
      assertNull(poller.getContextClassLoader(), "pins no application's class loader");
      assertTrue(sampler.isPolling());
      closedAt = System.nanoTime();
    }
    assertTrue(System.nanoTime() - closedAt < TimeUnit.SECONDS.toNanos(5),
        "close waits for a hanging poll at most a second (a safety bound)");
    await("the tracer's close stopped the thread, after its poll timed out",
        () -> !sampler.isPolling());
    assertEquals(1, metrics.get(Metric.SAMPLER_QUERIES_FAILED));
  }

  @Test
  void perOperationRatesHoldOverManyTraces() throws Exception {
    server.serve(PER_OPERATION);
    RemoteSampler sampler = remote().build();
    sampler.pollNow();
    int traces = 100_000;
    // Five standard deviations of a binomial: with fixed seeds the counts never move, and even
    // fresh ids would leave these bounds about once in 1.7 million runs.
    assertWithin(0.5, sampledOf(sampler, "GET /checkout", traces, 1), traces);
    assertWithin(0.1, sampledOf(sampler, "POST /pay", traces, 2), traces);
    assertWithin(0.01, sampledOf(sampler, "GET /unlisted", traces, 3) - 1, traces);
    assertEquals(1, sampledOf(sampler, "GET /health", traces, 4),
        "probability 0, lower bound 0: only the first trace, through the bucket's one token");
    assertEquals(1, metrics.get(Metric.SAMPLER_QUERIES_OK));
    assertEquals(1, metrics.get(Metric.SAMPLER_UPDATES));
    assertEquals(0, metrics.get(Metric.SAMPLER_QUERIES_FAILED));
  }

  private static void assertWithin(double probability, int sampled, int traces) {
    double expected = traces * probability;
    double fiveSigma = 5 * Math.sqrt(traces * probability * (1 - probability));
    assertTrue(Math.abs(sampled - expected) < fiveSigma,
        "sampled " + sampled + " of " + traces + " at p=" + probability);
  }

  @Test
  void sampledRootsAreTaggedWithTheDecidingSampler() throws Exception {
    server.serve("{\"operationSampling\":{\"defaultSamplingProbability\":0,"
        + "\"defaultLowerBoundTracesPerSecond\":1,\"perOperationStrategies\":["
        + "{\"operation\":\"always\",\"probabilisticSampling\":{\"samplingRate\":1}}]}}");
    RemoteSampler sampler = remote().build();
    sampler.pollNow();
    try (SpoorTracer tracer = tracer(sampler)) {
      FinishedSpan always = (FinishedSpan) tracer.buildSpan("always").start();
      FinishedSpan rare = (FinishedSpan) tracer.buildSpan("rare").start();
      FinishedSpan rareAgain = (FinishedSpan) tracer.buildSpan("rare").start();
      assertEquals("probabilistic", always.tags().get("sampler.type"));
      assertEquals(1.0, always.tags().get("sampler.param"));
      assertEquals("lowerbound", rare.tags().get("sampler.type"));
      assertEquals(0.0, rare.tags().get("sampler.param"));
      assertFalse(rareAgain.context().isSampled(), "one token per second, and it is taken");
    }
  }

  @Test
  void theLowerBoundLetsAZeroProbabilityOperationThroughAtItsRate() throws Exception {
    server.serve("{\"operationSampling\":{\"defaultSamplingProbability\":0,"
        + "\"defaultLowerBoundTracesPerSecond\":0.5,\"perOperationStrategies\":[]}}");
    ManualNanoClock clock = new ManualNanoClock();
    RemoteSampler sampler = remote().nanoClock(clock).build();
    sampler.pollNow();
    assertEquals(1, sampledOf(sampler, "rare", 1_000, 5));
    int sampled = 0;
    for (int second = 0; second < 100; second++) {
      clock.advanceMillis(1_000);
      sampled += sampledOf(sampler, "rare", 20, second);
    }
    assertEquals(50, sampled, "0.5 traces per second for 100 s");
  }

  @Test
  void aChangedAnswerTakesEffectAfterTheNextPoll() throws Exception {
    server.serve(ALL);
    RemoteSampler sampler = remote().initialProbability(0.0).build();
    assertEquals(0, sampledOf(sampler, "op", 1_000, 6), "the initial probability, until an answer");
    sampler.pollNow();
    assertEquals(1_000, sampledOf(sampler, "op", 1_000, 7));
    server.serve(NONE);
    assertEquals(1_000, sampledOf(sampler, "op", 1_000, 8), "until the next poll");
    sampler.pollNow();
    assertEquals(0, sampledOf(sampler, "op", 1_000, 9));
    server.serve("{\"rateLimitingSampling\":{\"maxTracesPerSecond\":3}}");
    sampler.pollNow();
    assertEquals(3, sampledOf(sampler, "op", 1_000, 10));
    sampler.pollNow(); // the same answer keeps the bucket: no new burst
    assertEquals(0, sampledOf(sampler, "op", 1_000, 11));
    assertEquals(4, metrics.get(Metric.SAMPLER_QUERIES_OK));
    assertEquals(3, metrics.get(Metric.SAMPLER_UPDATES));
  }

  @Test
  void theThreadPollsAgainAfterTheRefreshInterval() throws Exception {
    server.serve(NONE);
    RemoteSampler sampler =
        remote().refreshInterval(Duration.ofMillis(20)).pollingThread(true).build();
    try (SpoorTracer tracer = tracer(sampler)) {
      tracer.buildSpan("op").start().finish();
      await("two polls", () -> metrics.get(Metric.SAMPLER_QUERIES_OK) >= 2);
      server.serve(ALL);
      long polls = metrics.get(Metric.SAMPLER_QUERIES_OK);
      await("a poll after the change", () -> metrics.get(Metric.SAMPLER_QUERIES_OK) > polls + 1);
      FinishedSpan span = (FinishedSpan) tracer.buildSpan("op").start();
      assertTrue(span.context().isSampled());
    }
  }

  @Test
  void theTracerMetricsCountPollsWhenTheyAreShared() throws Exception {
    server.serve(ALL);
    RemoteSampler sampler = remote().build();
    try (SpoorTracer tracer = tracer(sampler)) {
      sampler.pollNow();
      assertEquals(1, tracer.metrics().get(Metric.SAMPLER_QUERIES_OK));
      assertEquals(1L, tracer.metrics().snapshot().get("spoor.sampler.updates"));
    }
  }

  @Test
  void theTracerMetricsIncludeASamplersOwnCounters() throws Exception {
    server.serve(ALL);
    RemoteSampler sampler = RemoteSampler.builder("checkout").endpoint(server.samplingEndpoint())
        .pollingThread(false).build();
    try (SpoorTracer tracer =
        SpoorTracer.builder("checkout").sampler(sampler).reporter(reporter).build()) {
      sampler.pollNow();
      assertEquals(1, sampler.metrics().get(Metric.SAMPLER_QUERIES_OK));
      assertEquals(1, tracer.metrics().get(Metric.SAMPLER_QUERIES_OK));
      assertEquals(1L, tracer.metrics().snapshot().get("spoor.sampler.updates"));
    }
  }

  @Test
  void fromEnvPollsTheEndpointAndCountsInTheTracersMetrics() throws Exception {
    server.serve(PER_OPERATION);
    String[][] properties = {{"JAEGER_SERVICE_NAME", "env-service"},
        {"JAEGER_SAMPLER_TYPE", "remote"}, {"JAEGER_SAMPLER_PARAM", "0"},
        {"JAEGER_SAMPLER_MANAGER_HOST_PORT", server.hostPort()},
        {"JAEGER_SAMPLER_REFRESH_INTERVAL", "1h"}};
    for (String[] property : properties) {
      System.setProperty(property[0], property[1]);
    }
    try (SpoorTracer tracer = SpoorTracer.fromEnv()) {
      FinishedSpan first = (FinishedSpan) tracer.buildSpan("GET /health").start();
      assertFalse(first.context().isSampled(), "the initial probability 0 decided");
      await("the strategy is in force", () -> tracer.metrics().get(Metric.SAMPLER_UPDATES) == 1);
      assertEquals(List.of("/sampling?service=env-service"), server.requests());
      FinishedSpan health = (FinishedSpan) tracer.buildSpan("GET /health").start();
      assertTrue(health.context().isSampled(), "a lower bound of 0 lets the first trace through");
      assertEquals("lowerbound", health.tags().get("sampler.type"));
      assertEquals(1, tracer.metrics().get(Metric.SAMPLER_QUERIES_OK));
    } finally {
      for (String[] property : properties) {
        System.clearProperty(property[0]);
      }
    }
  }

  @Test
  void builderArgumentsAreChecked() {
    assertThrows(NullPointerException.class, () -> RemoteSampler.builder(null));
    assertThrows(IllegalArgumentException.class, () -> RemoteSampler.builder(" "));
    RemoteSampler.Builder builder = RemoteSampler.builder("svc");
    assertThrows(IllegalArgumentException.class, () -> builder.endpoint("localhost:5778"));
    assertThrows(IllegalArgumentException.class, () -> builder.endpoint("ftp://host/x"));
    assertThrows(IllegalArgumentException.class, () -> builder.endpoint("http:///sampling"));
    IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class,
        () -> builder.endpoint("gopher://user:secret@host:5778/"));
    assertFalse(hidden.getMessage().contains("secret"), hidden.getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder.initialProbability(1.5));
    assertThrows(NullPointerException.class, () -> builder.initialSampler(null));
    assertThrows(IllegalArgumentException.class, () -> builder.refreshInterval(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> builder.refreshInterval(-1, TimeUnit.SECONDS));
    assertThrows(IllegalArgumentException.class, () -> builder.maxOperations(0));
    assertThrows(IllegalArgumentException.class, () -> builder.timeout(Duration.ofHours(1)));
    assertThrows(NullPointerException.class, () -> builder.metrics(null));
    RemoteSampler sampler = builder.endpoint("https://user:secret@agent:5778/sampling?x=1")
        .refreshInterval(Duration.ofDays(365_000)).build();
    assertFalse(sampler.toString().contains("secret"), sampler.toString());
    assertTrue(sampler.toString().contains("endpoint=https://***@agent:5778/sampling?x=1"),
        sampler.toString());
    sampler.close();
  }
}
