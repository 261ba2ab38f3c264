package dev.spoor.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.sampler.SamplingStrategy.OperationRate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** jaeger-client-java's per-operation rules: lower bound, credit, operation limit, updates. */
class PerOperationSamplerTest {
  // Lower 64 bits a probability of 0.5 samples (small magnitude) and one it does not.
  private static final long SAMPLED_AT_HALF = 1L;
  private static final long NOT_SAMPLED_AT_HALF = Long.MAX_VALUE - 1;

  private final ManualNanoClock clock = new ManualNanoClock();

  private static SamplingStrategy strategy(
      double defaultProbability, double lowerBound, Object... operationsAndRates) {
    List<OperationRate> operations = new ArrayList<>();
    for (int i = 0; i < operationsAndRates.length; i += 2) {
      operations.add(new OperationRate((String) operationsAndRates[i],
          ((Number) operationsAndRates[i + 1]).doubleValue()));
    }
    return SamplingStrategy.perOperation(defaultProbability, lowerBound, operations);
  }

  private PerOperationSampler sampler(SamplingStrategy strategy, int maxOperations) {
    return PerOperationSampler.create(strategy, maxOperations, clock).sampler;
  }

  private static int sampledOf(Sampler sampler, String operation, int traces) {
    int sampled = 0;
    for (int i = 0; i < traces; i++) {
      if (sampler.sample(operation, 0L, NOT_SAMPLED_AT_HALF - i).isSampled()) {
        sampled++;
      }
    }
    return sampled;
  }

  @Test
  void theLowerBoundLetsAZeroProbabilityOperationThroughAtItsRate() {
    PerOperationSampler sampler = sampler(strategy(0.0, 2.0, "rare", 0.0), 2000);
    SamplingDecision first = sampler.sample("rare", 0L, 42L);
    assertTrue(first.isSampled());
    assertEquals("lowerbound", first.samplerType());
    assertEquals(0.0, first.samplerParam(), "jaeger-client-java's param: the probability");
    assertEquals(1, sampledOf(sampler, "rare", 100), "the bucket of two started full");
    clock.advanceMillis(499);
    assertEquals(0, sampledOf(sampler, "rare", 100));
    clock.advanceMillis(1);
    assertEquals(1, sampledOf(sampler, "rare", 100));
    int sampled = 0;
    for (int tick = 0; tick < 600; tick++) { // 60 s in steps of 100 ms
      clock.advanceMillis(100);
      sampled += sampledOf(sampler, "rare", 3);
    }
    assertEquals(120, sampled, "2 traces per second for 60 s");
  }

  @Test
  void aTraceTheProbabilitySamplesAlsoTakesTheLowerBoundsCredit() {
    GuaranteedThroughputSampler fresh = new GuaranteedThroughputSampler(0.5, 1.0, clock);
    SamplingDecision byLowerBound = fresh.sample("op", 0L, NOT_SAMPLED_AT_HALF);
    assertTrue(byLowerBound.isSampled(), "a full bucket lets the first trace through");
    assertEquals("lowerbound", byLowerBound.samplerType());

    GuaranteedThroughputSampler sampler = new GuaranteedThroughputSampler(0.5, 1.0, clock);
    SamplingDecision byProbability = sampler.sample("op", 0L, SAMPLED_AT_HALF);
    assertTrue(byProbability.isSampled());
    assertEquals("probabilistic", byProbability.samplerType());
    assertEquals(0.5, byProbability.samplerParam());
    assertFalse(sampler.sample("op", 0L, NOT_SAMPLED_AT_HALF).isSampled(),
        "the probabilistic trace took the only token, as in jaeger-client-java");
    clock.advanceMillis(1_000);
    assertTrue(sampler.sample("op", 0L, NOT_SAMPLED_AT_HALF).isSampled());
  }

  @Test
  void aLowerBoundOfZeroLetsExactlyTheFirstTraceThroughAsJaegerClientJavaDoes() {
    PerOperationSampler sampler = sampler(strategy(0.0, 0.0, "listed", 0.0), 2000);
    assertEquals(1, sampledOf(sampler, "listed", 1_000));
    assertEquals(1, sampledOf(sampler, "seen", 1_000));
    clock.advanceMillis(3_600_000);
    assertEquals(0, sampledOf(sampler, "listed", 1_000));
  }

  @Test
  void unknownOperationsGetTheDefaultProbabilityAndTheLowerBoundUpToTheLimit() {
    PerOperationSampler sampler = sampler(strategy(0.0, 1.0, "listed", 0.0), 3);
    assertEquals(1, sampledOf(sampler, "seen-1", 10));
    assertEquals(1, sampledOf(sampler, "seen-2", 10));
    assertEquals(3, sampler.operationCount());
    assertEquals(0.0, sampler.operationSampler("seen-1").probability());
    assertEquals(1.0, sampler.operationSampler("seen-1").lowerBound());
    // The limit is reached: a new operation only gets the default probability, no lower bound.
    assertEquals(0, sampledOf(sampler, "seen-3", 10));
    assertNull(sampler.operationSampler("seen-3"));
    assertEquals(3, sampler.operationCount());
    assertEquals("probabilistic", sampler.sample("seen-3", 0L, 0L).samplerType());
  }

  @Test
  void listedOperationsBeyondTheLimitAreLeftOutAndCounted() {
    PerOperationSampler.Update update = PerOperationSampler.create(
        strategy(0.1, 0.0, "a", 0.5, "b", 0.5, "c", 0.5, "d", 0.5), 2, clock);
    assertEquals(2, update.sampler.operationCount());
    assertEquals(2, update.operationsOverLimit);
    assertNull(update.sampler.operationSampler("c"));
    assertTrue(update.changed);
  }

  @Test
  void manyThreadsLearningOperationsNeverPassTheLimit() throws Exception {
    PerOperationSampler sampler = sampler(strategy(0.5, 1.0), 100);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger failures = new AtomicInteger();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < 1_000; i++) {
            sampler.sample("op-" + (i % 300), 0L, i);
          }
        } catch (RuntimeException | InterruptedException e) {
          failures.incrementAndGet();
        }
      });
      thread.start();
      running.add(thread);
    }
    start.countDown();
    for (Thread thread : running) {
      thread.join();
    }
    assertEquals(0, failures.get());
    assertEquals(100, sampler.operationCount());
  }

  @Test
  void anUpdateKeepsTheCreditOfAnOperationWhoseLowerBoundStays() {
    PerOperationSampler first = sampler(strategy(0.0, 1.0, "op", 0.0), 2000);
    assertEquals(1, sampledOf(first, "op", 10), "the token is used");
    PerOperationSampler.Update sameBound = first.update(strategy(0.0, 1.0, "op", 0.5));
    assertTrue(sameBound.changed, "the probability changed");
    assertEquals(0, sampledOf(sameBound.sampler, "op", 10), "still no token: the bucket stayed");
    PerOperationSampler.Update newBound = sameBound.sampler.update(strategy(0.0, 2.0, "op", 0.5));
    assertTrue(newBound.changed);
    assertEquals(2, sampledOf(newBound.sampler, "op", 10), "a new lower bound: a new, full bucket");
  }

  @Test
  void anUnchangedAnswerChangesNothingButForgetsOperationsLearnedFromTraffic() {
    SamplingStrategy strategy = strategy(0.0, 1.0, "listed", 0.0);
    PerOperationSampler first = sampler(strategy, 2000);
    assertEquals(1, sampledOf(first, "listed", 10));
    assertEquals(1, sampledOf(first, "seen", 10));
    PerOperationSampler.Update again = first.update(strategy);
    assertFalse(again.changed, "jaeger-client-java does not count this as an update");
    assertNotSame(first, again.sampler);
    assertSame(first.operationSampler("listed"), again.sampler.operationSampler("listed"));
    assertNull(again.sampler.operationSampler("seen"), "learned operations are forgotten");
    assertEquals(0, sampledOf(again.sampler, "listed", 10), "its credit is still used up");
    assertEquals(1, sampledOf(again.sampler, "seen", 10), "seen again: starts afresh");
  }

  @Test
  void anOperationLearnedFromTrafficThatBecomesListedKeepsItsCredit() {
    PerOperationSampler first = sampler(strategy(0.0, 1.0), 2000);
    assertEquals(1, sampledOf(first, "op", 10));
    PerOperationSampler.Update listed = first.update(strategy(0.0, 1.0, "op", 0.0));
    assertFalse(listed.changed, "the same probability and lower bound it already had");
    assertSame(first.operationSampler("op"), listed.sampler.operationSampler("op"));
    assertEquals(0, sampledOf(listed.sampler, "op", 10));
  }

  @Test
  void changesThatCountAsAnUpdate() {
    PerOperationSampler first = sampler(strategy(0.1, 1.0, "a", 0.5), 2000);
    assertTrue(first.update(strategy(0.2, 1.0, "a", 0.5)).changed, "default probability");
    assertTrue(first.update(strategy(0.1, 1.0, "a", 0.5, "b", 0.5)).changed, "a new operation");
    assertTrue(first.update(strategy(0.1, 2.0, "a", 0.5)).changed, "the lower bound");
    assertFalse(first.update(strategy(0.1, 1.0)).changed,
        "an operation removed is not an update for jaeger-client-java");
    assertNull(first.update(strategy(0.1, 1.0)).sampler.operationSampler("a"));
  }

  @Test
  void aNullOperationNameIsTheEmptyName() {
    PerOperationSampler sampler = sampler(strategy(0.0, 0.0, "", 1.0), 2000);
    assertTrue(sampler.sample(null, 0L, 5L).isSampled());
  }
}
