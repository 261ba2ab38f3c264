package dev.spoor.sampler;

import dev.spoor.sampler.RateLimitingSampler.TokenBucket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A per-operation strategy in force: one {@link GuaranteedThroughputSampler} per operation, the
 * listed ones at their probability, any other at the default probability, all with the strategy's
 * lower bound, and at most {@code maxOperations} of them; past that, unknown operations sample at
 * the default probability without a lower bound. The rules are jaeger-client-java's
 * PerOperationSampler.
 *
 * <p>The parameters are fixed at construction; an update makes a new instance ({@link #update}).
 * What changes in place is the operation table: an operation seen for the first time gets its
 * sampler on the request thread (one CAS, once per operation). A known operation costs one
 * lock-free {@link OperationTable} lookup and allocates nothing.
 */
final class PerOperationSampler implements Sampler {
  private final ProbabilisticSampler defaultSampler;
  private final double lowerBound;
  private final int maxOperations;
  private final TokenBucket.NanoClock clock;
  private final OperationTable<GuaranteedThroughputSampler> operations;
  private final Function<String, GuaranteedThroughputSampler> newOperation = this::newOperation;

  private PerOperationSampler(SamplingStrategy strategy, int maxOperations,
      TokenBucket.NanoClock clock, Map<String, GuaranteedThroughputSampler> listed) {
    this.defaultSampler = new ProbabilisticSampler(strategy.parameter());
    this.lowerBound = strategy.defaultLowerBound();
    this.maxOperations = maxOperations;
    this.clock = clock;
    // jaeger-client-java keeps a known listed operation even past the limit: room for all.
    this.operations = new OperationTable<>(Math.max(maxOperations, listed.size()));
    for (Map.Entry<String, GuaranteedThroughputSampler> operation : listed.entrySet()) {
      operations.put(operation.getKey(), operation.getValue());
    }
  }

  /** The outcome of applying a strategy: the sampler to publish, and what changed. */
  static final class Update {
    final PerOperationSampler sampler;
    /** jaeger-client-java's "updated": a probability or lower bound changed, or an operation came. */
    final boolean changed;
    /** Listed operations left out because of {@code maxOperations}. */
    final int operationsOverLimit;

    private Update(PerOperationSampler sampler, boolean changed, int operationsOverLimit) {
      this.sampler = sampler;
      this.changed = changed;
      this.operationsOverLimit = operationsOverLimit;
    }
  }

  /** A new sampler for {@code strategy} (a per-operation one), with nothing carried over. */
  static Update create(SamplingStrategy strategy, int maxOperations, TokenBucket.NanoClock clock) {
    return apply(null, strategy, maxOperations, clock);
  }

  /**
   * The sampler for {@code strategy} after this one, by jaeger-client-java's update rule: a listed
   * operation this sampler knows (listed before, or seen in traffic) keeps its sampler and so its
   * lower-bound credit, unless its lower bound changed; a listed operation it does not know gets a
   * new one while there is room; every other operation is forgotten, and one seen again starts
   * afresh at the new default. Forgetting them keeps operations that appeared once (a path with an
   * id in it, say) from holding the room for good.
   */
  Update update(SamplingStrategy strategy) {
    return apply(this, strategy, maxOperations, clock);
  }

  private static Update apply(PerOperationSampler previous, SamplingStrategy strategy,
      int maxOperations, TokenBucket.NanoClock clock) {
    double lowerBound = strategy.defaultLowerBound();
    boolean changed = previous == null
        || strategy.parameter() != previous.defaultSampler.probability();
    Map<String, GuaranteedThroughputSampler> listed = new LinkedHashMap<>();
    int overLimit = 0;
    for (SamplingStrategy.OperationRate rate : strategy.operations()) {
      GuaranteedThroughputSampler known =
          previous == null ? null : previous.operations.get(rate.operation());
      if (known != null) {
        GuaranteedThroughputSampler next =
            known.withParameters(rate.probability(), lowerBound, clock);
        changed |= next != known;
        listed.put(rate.operation(), next);
      } else if (listed.size() < maxOperations) {
        listed.put(rate.operation(),
            new GuaranteedThroughputSampler(rate.probability(), lowerBound, clock));
        changed = true;
      } else {
        overLimit++;
      }
    }
    return new Update(
        new PerOperationSampler(strategy, maxOperations, clock, listed), changed, overLimit);
  }

  @Override
  public SamplingDecision sample(String operationName, long traceIdHigh, long traceIdLow) {
    String operation = operationName == null ? "" : operationName;
    GuaranteedThroughputSampler sampler = operations.get(operation);
    if (sampler == null) {
      sampler = operations.getOrAdd(operation, newOperation); // null past the limit
      if (sampler == null) {
        return defaultSampler.sample(operation, traceIdHigh, traceIdLow);
      }
    }
    return sampler.sample(operation, traceIdHigh, traceIdLow);
  }

  /** An operation's sampler the first time it is seen: the default probability. */
  private GuaranteedThroughputSampler newOperation(String operation) {
    return new GuaranteedThroughputSampler(defaultSampler.probability(), lowerBound, clock);
  }

  /** The sampler of {@code operation}, or null when it has none (for tests). */
  GuaranteedThroughputSampler operationSampler(String operation) {
    return operations.get(operation);
  }

  /** Operations with a sampler of their own, listed or seen. */
  int operationCount() {
    return operations.size();
  }

  /** The slots of the operation table (for tests). */
  int tableCapacity() {
    return operations.capacity();
  }

  double defaultProbability() {
    return defaultSampler.probability();
  }

  double lowerBound() {
    return lowerBound;
  }

  @Override
  public String toString() {
    return "PerOperationSampler{default " + defaultSampler.probability() + ", lower bound "
        + lowerBound + "/s, " + operations.size() + " operations}";
  }
}
