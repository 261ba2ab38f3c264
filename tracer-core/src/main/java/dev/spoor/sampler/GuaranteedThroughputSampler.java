package dev.spoor.sampler;

import dev.spoor.sampler.RateLimitingSampler.TokenBucket;

/**
 * One operation's sampler under a per-operation strategy: its probability, plus a lower bound of
 * traces per second that lets a rare operation through when the probability says no (Jaeger's
 * "guaranteed throughput", {@code sampler.type=lowerbound}). As jaeger-client-java's
 * GuaranteedThroughputSampler, it asks both on every trace, so a trace the probability samples
 * also takes the lower bound's token when one is there: the lower bound adds at most its rate of
 * traces, whatever the probability. Immutable apart from the token bucket, which is lock-free.
 */
final class GuaranteedThroughputSampler implements Sampler {
  /** The {@code sampler.type} of a trace let through by the lower bound, as in jaeger-client-java. */
  static final String TYPE = "lowerbound";

  private final ProbabilisticSampler probabilistic;
  private final double lowerBound;
  private final TokenBucket bucket;
  private final SamplingDecision lowerBoundYes;
  private final SamplingDecision no;

  GuaranteedThroughputSampler(
      double probability, double lowerBound, TokenBucket.NanoClock clock) {
    this(new ProbabilisticSampler(probability), lowerBound,
        TokenBucket.lowerBound(lowerBound, clock));
  }

  private GuaranteedThroughputSampler(
      ProbabilisticSampler probabilistic, double lowerBound, TokenBucket bucket) {
    this.probabilistic = probabilistic;
    this.lowerBound = lowerBound;
    this.bucket = bucket;
    // jaeger-client-java tags a lower-bound trace with the operation's probability as the param.
    this.lowerBoundYes = new SamplingDecision(true, TYPE, probabilistic.probability());
    this.no = new SamplingDecision(false, TYPE, probabilistic.probability());
  }

  double probability() {
    return probabilistic.probability();
  }

  double lowerBound() {
    return lowerBound;
  }

  /**
   * This sampler with new parameters, by jaeger-client-java's update rule: itself when nothing
   * changed; the same token bucket (and so the same credit) when only the probability changed; a
   * new, full bucket when the lower bound changed.
   */
  GuaranteedThroughputSampler withParameters(
      double probability, double newLowerBound, TokenBucket.NanoClock clock) {
    boolean sameProbability = probability == probabilistic.probability();
    boolean sameLowerBound = newLowerBound == lowerBound;
    if (sameProbability && sameLowerBound) {
      return this;
    }
    return new GuaranteedThroughputSampler(
        sameProbability ? probabilistic : new ProbabilisticSampler(probability), newLowerBound,
        sameLowerBound ? bucket : TokenBucket.lowerBound(newLowerBound, clock));
  }

  @Override
  public SamplingDecision sample(String operationName, long traceIdHigh, long traceIdLow) {
    SamplingDecision byProbability = probabilistic.sample(operationName, traceIdHigh, traceIdLow);
    boolean byLowerBound = bucket.tryTake(); // asked even when the probability says yes
    if (byProbability.isSampled()) {
      return byProbability;
    }
    return byLowerBound ? lowerBoundYes : no;
  }

  @Override
  public String toString() {
    return "GuaranteedThroughputSampler{" + probabilistic.probability() + ", lower bound "
        + lowerBound + "/s}";
  }
}
