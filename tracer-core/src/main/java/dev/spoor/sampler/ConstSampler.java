package dev.spoor.sampler;

/** Samples all traces or none ({@code JAEGER_SAMPLER_TYPE=const}, param 1 or 0). */
public final class ConstSampler implements Sampler {
  /** The {@code sampler.type} value, as in jaeger-client-java. */
  public static final String TYPE = "const";

  private final SamplingDecision decision;

  /** @param sampled true to record every trace, false to record none */
  public ConstSampler(boolean sampled) {
    this.decision = new SamplingDecision(sampled, TYPE, sampled);
  }

  @Override
  public SamplingDecision sample(String operationName, long traceIdHigh, long traceIdLow) {
    return decision;
  }

  @Override
  public String toString() {
    return "ConstSampler{" + decision.isSampled() + "}";
  }
}
