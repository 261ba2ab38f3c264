package dev.spoor.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.spoor.reporter.AgentReceiver;
import io.jaegertracing.internal.metrics.Counter;
import io.jaegertracing.internal.metrics.Gauge;
import io.jaegertracing.internal.metrics.Metrics;
import io.jaegertracing.internal.metrics.Timer;
import io.jaegertracing.internal.samplers.HttpSamplingManager;
import io.jaegertracing.internal.samplers.RemoteControlledSampler;
import io.jaegertracing.internal.samplers.SamplingStatus;
import io.jaegertracing.spi.MetricsFactory;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One strategy, served by one HTTP endpoint to jaeger-client-java's RemoteControlledSampler (which
 * asks {@code /}) and to Spoor's RemoteSampler (which asks {@code /sampling}); then both decide
 * on the same 200,000 root spans (trace ids from a fixed seed, 3,000 operation names, more than
 * the 2,000 operations both keep) and must agree on every decision and its tags.
 *
 * <p>jaeger-client-java's rate limiters read the system clock, which a test cannot move. So the
 * strategies use lower bounds whose decisions do not depend on time: 0 (the static strategies
 * file's default), where a bucket holds the one token it starts with, and 1e-6 traces per
 * second, where the next token is 11 days away. Both still exercise the lower bound (the first
 * trace of every operation the probability rejects is let through), its credit (a trace the
 * probability samples takes the token too) and the operation limit. Time-dependent refills are
 * tested against Spoor's own clock in PerOperationSamplerTest.
 */
class JaegerRemoteSamplerComparisonTest {
  private static final int TRACES = 200_000;
  private static final int OPERATIONS = 3_000;

  private final StrategyServer server = new StrategyServer();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static String perOperation(double lowerBound, boolean legacy) {
    StringBuilder json = new StringBuilder(legacy
        ? "{\"strategyType\":0,\"probabilisticSampling\":null,\"rateLimitingSampling\":null,"
        : "{\"strategyType\":\"PROBABILISTIC\",");
    json.append("\"operationSampling\":{\"defaultSamplingProbability\":0.01,")
        .append("\"defaultLowerBoundTracesPerSecond\":").append(lowerBound)
        .append(",\"perOperationStrategies\":[");
    double[] rates = {0.0, 1.0, 0.5, 0.25, 0.1, 0.001};
    for (int i = 0; i < 60; i++) {
      json.append(i == 0 ? "" : ",").append("{\"operation\":\"op-").append(i * 7)
          .append("\",\"probabilisticSampling\":{\"samplingRate\":")
          .append(rates[i % rates.length]).append("}}");
    }
    return json.append("]").append(legacy ? "" : ",\"defaultUpperBoundTracesPerSecond\":100")
        .append("}}").toString();
  }

  static String strategy(String name) {
    switch (name) {
      case "static file, lower bound 0":
        return perOperation(0.0, false);
      case "adaptive, lower bound 1e-6/s":
        return perOperation(1.0e-6, false);
      case "legacy agent form":
        return perOperation(0.0, true);
      case "probabilistic":
        return "{\"strategyType\":\"PROBABILISTIC\",\"probabilisticSampling\":{\"samplingRate\":0.37}}";
      default:
        throw new IllegalArgumentException(name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"static file, lower bound 0", "adaptive, lower bound 1e-6/s",
      "legacy agent form", "probabilistic"})
  void spoorAndJaegerClientJavaMakeTheSameDecisions(String name) throws Exception {
    server.serve(strategy(name));
    CountingMetricsFactory jaegerCounters = new CountingMetricsFactory();
    Metrics jaegerMetrics = new Metrics(jaegerCounters);
    RemoteControlledSampler jaeger = new RemoteControlledSampler.Builder("comparison")
        .withSamplingManager(new HttpSamplingManager(server.hostPort()))
        .withMetrics(jaegerMetrics)
        .withPollingInterval((int) TimeUnit.HOURS.toMillis(1))
        .build();
    RemoteSampler spoor = RemoteSampler.builder("comparison").endpoint(server.samplingEndpoint())
        .pollingThread(false).build();
    try {
      awaitUpdate(jaegerMetrics);
      spoor.pollNow();
      assertEquals(1, spoor.metrics().get(dev.spoor.metrics.Metric.SAMPLER_UPDATES));
      assertTrue(server.requests().contains("/?service=comparison"), server.requests().toString());
      assertTrue(server.requests().contains("/sampling?service=comparison"));

      SplittableRandom random = new SplittableRandom(31);
      Map<String, Integer> sampledByType = new TreeMap<>();
      for (int i = 0; i < TRACES; i++) {
        String operation = "op-" + random.nextInt(OPERATIONS);
        long high = random.nextLong();
        long low = random.nextLong();
        SamplingStatus expected = jaeger.sample(operation, low);
        SamplingDecision actual = spoor.sample(operation, high, low);
        if (expected.isSampled() != actual.isSampled()) {
          fail("trace " + i + " (" + operation + ", " + Long.toHexString(low) + "): jaeger-client "
              + expected + ", Spoor " + actual);
        }
        if (actual.isSampled()) {
          assertEquals(expected.getTags().get("sampler.type"), actual.samplerType(), operation);
          assertEquals(((Number) expected.getTags().get("sampler.param")).doubleValue(),
              ((Number) actual.samplerParam()).doubleValue(), operation);
          sampledByType.merge(actual.samplerType(), 1, Integer::sum);
        }
      }
      if (name.startsWith("probabilistic")) {
        assertEquals(1, sampledByType.size(), sampledByType.toString());
      } else {
        // The lower bound let through the first trace of each of the 2,000 operations kept,
        // less those whose first trace the probability took (with the token).
        int lowerBound = sampledByType.getOrDefault("lowerbound", 0);
        assertTrue(lowerBound > 1_500 && lowerBound < 2_000, sampledByType.toString());
      }
    } finally {
      jaeger.close();
      spoor.close();
    }
  }

  private static void awaitUpdate(Metrics metrics) {
    AgentReceiver.awaitTrue(() -> ((CountingCounter) metrics.samplerUpdated).count.get() > 0,
        () -> "jaeger-client-java never applied the strategy");
  }


  /** jaeger-client-java's metrics, with counters this test can read. */
  private static final class CountingMetricsFactory implements MetricsFactory {
    @Override
    public Counter createCounter(String name, Map<String, String> tags) {
      return new CountingCounter();
    }

    @Override
    public Timer createTimer(String name, Map<String, String> tags) {
      return micros -> { };
    }

    @Override
    public Gauge createGauge(String name, Map<String, String> tags) {
      return value -> { };
    }
  }

  private static final class CountingCounter implements Counter {
    final AtomicLong count = new AtomicLong();

    @Override
    public void inc(long delta) {
      count.addAndGet(delta);
    }
  }
}
