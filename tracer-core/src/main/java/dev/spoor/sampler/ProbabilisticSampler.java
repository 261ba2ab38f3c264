package dev.spoor.sampler;

/**
 * Samples a fixed fraction of traces, deciding from the trace id alone so that every service
 * using the same probability makes the same decision for the same trace ({@code
 * JAEGER_SAMPLER_TYPE=probabilistic}). As in jaeger-client-java, the lower 63 bits of the trace id
 * are compared with {@code probability * 2^63}.
 */
public final class ProbabilisticSampler implements Sampler {
  /** The {@code sampler.type} value. */
  public static final String TYPE = "probabilistic";

  private final double probability;
  private final long upperBound;
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
    this.upperBound = probability >= 1.0 ? Long.MAX_VALUE : (long) (probability * Long.MAX_VALUE);
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
    return (traceIdLow & Long.MAX_VALUE) < upperBound ? yes : no;
  }

  @Override
  public String toString() {
    return "ProbabilisticSampler{" + probability + "}";
  }
}
