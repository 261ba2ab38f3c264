package dev.spoor.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamplersTest {
  private static final int TRACES = 200_000;

  @Test
  void theConstSamplerSamplesAllOrNothingAndSaysSo() {
    SamplingDecision all = new ConstSampler(true).sample("op", 1L, 2L);
    SamplingDecision none = new ConstSampler(false).sample("op", 1L, 2L);
    assertTrue(all.isSampled());
    assertEquals("const", all.samplerType());
    assertEquals(Boolean.TRUE, all.samplerParam());
    assertFalse(none.isSampled());
    assertEquals(Boolean.FALSE, none.samplerParam());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.1, 0.5, 0.9})
  void theProbabilisticSamplerSamplesItsRateWithinStatisticalBounds(double probability) {
    ProbabilisticSampler sampler = new ProbabilisticSampler(probability);
    SplittableRandom random = new SplittableRandom(42);
    int sampled = 0;
    for (int i = 0; i < TRACES; i++) {
      if (sampler.sample("op", random.nextLong(), random.nextLong()).isSampled()) {
        sampled++;
      }
    }
    double expected = TRACES * probability;
    double fiveSigma = 5 * Math.sqrt(TRACES * probability * (1 - probability));
    assertTrue(Math.abs(sampled - expected) < fiveSigma,
        "sampled " + sampled + " of " + TRACES + " at p=" + probability);
  }

  @Test
  void theProbabilisticSamplerAtTheEdgesSamplesAllOrNothing() {
    ProbabilisticSampler all = new ProbabilisticSampler(1.0);
    ProbabilisticSampler none = new ProbabilisticSampler(0.0);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      long low = random.nextLong();
      assertTrue(all.sample("op", 0L, low).isSampled());
      assertFalse(none.sample("op", 0L, low).isSampled());
    }
    assertTrue(all.sample("op", 0L, Long.MIN_VALUE).isSampled());
    assertTrue(all.sample("op", 0L, Long.MAX_VALUE).isSampled());
  }

  @Test
  void everyServiceWithTheSameProbabilityMakesTheSameDecisionForATrace() {
    ProbabilisticSampler serviceA = new ProbabilisticSampler(0.25);
    ProbabilisticSampler serviceB = new ProbabilisticSampler(0.25);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < TRACES; i++) {
      long high = random.nextLong();
      long low = random.nextLong();
      assertEquals(serviceA.sample("a", high, low).isSampled(),
          serviceB.sample("b", random.nextLong(), low).isSampled(),
          "decision depends only on the lower 64 bits of the trace id");
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.001, 0.25, 0.5, 0.75})
  void agreesWithJaegerClientJavasProbabilisticSamplerOnEveryTraceId(double probability) {
    ProbabilisticSampler spoor = new ProbabilisticSampler(probability);
    io.jaegertracing.internal.samplers.ProbabilisticSampler jaeger =
        new io.jaegertracing.internal.samplers.ProbabilisticSampler(probability);
    SplittableRandom random = new SplittableRandom(11);
    long[] edges = {1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
    for (long low : edges) {
      assertEquals(jaeger.sample("op", low).isSampled(), spoor.sample("op", 0L, low).isSampled(),
          "trace id low " + Long.toHexString(low));
    }
    for (int i = 0; i < TRACES; i++) {
      long low = random.nextLong();
      assertEquals(jaeger.sample("op", low).isSampled(), spoor.sample("op", 0L, low).isSampled(),
          "trace id low " + Long.toHexString(low));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.7, Double.NaN})
  void rejectsAProbabilityOutsideZeroToOne(double probability) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ProbabilisticSampler(probability));
    assertTrue(e.getMessage().contains(String.valueOf(probability)), e.getMessage());
  }

  @Test
  void theProbabilisticDecisionCarriesTypeAndParam() {
    SamplingDecision decision = new ProbabilisticSampler(0.5).sample("op", 0L, 1L);
    assertEquals("probabilistic", decision.samplerType());
    assertEquals(0.5, decision.samplerParam());
  }

  /** A nanosecond clock moved by the test. */
  private static final class TestNanoClock implements RateLimitingSampler.TokenBucket.NanoClock {
    final AtomicLong nanos = new AtomicLong(-123_456_789L); // any origin, even negative

    @Override
    public long nanoTime() {
      return nanos.get();
    }

    void advanceMillis(long millis) {
      nanos.addAndGet(millis * 1_000_000L);
    }
  }

  private static int sampledOf(Sampler sampler, int tries) {
    int sampled = 0;
    for (int i = 0; i < tries; i++) {
      if (sampler.sample("op", 0L, i + 1).isSampled()) {
        sampled++;
      }
    }
    return sampled;
  }

  @Test
  void theRateLimitingSamplerStartsFullThenRefillsAtItsRate() {
    TestNanoClock clock = new TestNanoClock();
    RateLimitingSampler sampler = new RateLimitingSampler(2.0, clock);
    assertEquals(2, sampledOf(sampler, 10), "a full bucket of two tokens");
    clock.advanceMillis(499);
    assertEquals(0, sampledOf(sampler, 10), "not yet a whole token");
    clock.advanceMillis(1);
    assertEquals(1, sampledOf(sampler, 10), "one token after half a second");
    clock.advanceMillis(60_000);
    assertEquals(2, sampledOf(sampler, 10), "the bucket holds at most two tokens");
  }

  @Test
  void theRateLimitingSamplerSamplesNTracesPerSecondOverTime() {
    TestNanoClock clock = new TestNanoClock();
    RateLimitingSampler sampler = new RateLimitingSampler(10.0, clock);
    int sampled = sampledOf(sampler, 100); // the initial burst
    for (int second = 0; second < 60; second++) {
      for (int tick = 0; tick < 100; tick++) {
        clock.advanceMillis(10);
        sampled += sampledOf(sampler, 5);
      }
    }
    assertEquals(10 + 60 * 10, sampled);
  }

  @Test
  void aFractionalRateSamplesOneTracePerInterval() {
    TestNanoClock clock = new TestNanoClock();
    RateLimitingSampler sampler = new RateLimitingSampler(0.5, clock);
    assertEquals(1, sampledOf(sampler, 10));
    clock.advanceMillis(1_999);
    assertEquals(0, sampledOf(sampler, 10));
    clock.advanceMillis(1);
    assertEquals(1, sampledOf(sampler, 10));
  }

  @Test
  void aRateOfZeroSamplesNothing() {
    TestNanoClock clock = new TestNanoClock();
    RateLimitingSampler sampler = new RateLimitingSampler(0.0, clock);
    assertEquals(0, sampledOf(sampler, 10));
    clock.advanceMillis(3_600_000);
    assertEquals(0, sampledOf(sampler, 10));
  }

  @Test
  void theRateLimitingDecisionCarriesTypeAndParam() {
    SamplingDecision decision = new RateLimitingSampler(5.0).sample("op", 0L, 1L);
    assertEquals("ratelimiting", decision.samplerType());
    assertEquals(5.0, decision.samplerParam());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1.0, Double.NaN, Double.POSITIVE_INFINITY})
  void rejectsABadRate(double rate) {
    assertThrows(IllegalArgumentException.class, () -> new RateLimitingSampler(rate));
  }
}
