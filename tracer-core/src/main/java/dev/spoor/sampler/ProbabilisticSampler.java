package dev.spoor.sampler;

/**
 * Samples a fixed fraction of traces, deciding from the trace id alone so that every service
 * using the same probability makes the same decision for the same trace ({@code
 * JAEGER_SAMPLER_TYPE=probabilistic}). The rule is jaeger-client-java's, so that Spoor and Jaeger
 * services agree: the lower 64 bits of the trace id, read as a signed long, are sampled when their
 * magnitude is within {@code probability * 2^63} (checked against the peer in SamplersTest).
 */
public final class ProbabilisticSampler implements Sampler {
  /** The {@code sampler.type} value. */
  public static final String TYPE = "probabilistic";

  private final double probability;
  private final long positiveBound;
  private final long negativeBound;
  private final SamplingDecision yes;
  private final SamplingDecision no;

  /**
   * @param probability between 0.0 and 1.0 inclusive
   * @throws IllegalArgumentException when out of range or NaN
   */
  public ProbabilisticSampler(double probability) {
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException(
          "probability must be between 0.0 and 1.0, was " + probability);
    }
    this.probability = probability;
    this.positiveBound = (long) (Long.MAX_VALUE * probability);
    this.negativeBound = (long) (Long.MIN_VALUE * probability);
    this.yes = new SamplingDecision(true, TYPE, probability);
    this.no = new SamplingDecision(false, TYPE, probability);
  }

  /** The configured probability. */
  public double probability() {
    return probability;
  }

  @Override
  public SamplingDecision sample(String operationName, long traceIdHigh, long traceIdLow) {
    if (probability >= 1.0) {
      return yes;
    }
    boolean sampled = traceIdLow > 0 ? traceIdLow <= positiveBound : traceIdLow >= negativeBound;
    return sampled ? yes : no;
  }

  @Override
  public String toString() {
    return "ProbabilisticSampler{" + probability + "}";
  }
}
