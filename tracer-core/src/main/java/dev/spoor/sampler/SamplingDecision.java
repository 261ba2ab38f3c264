package dev.spoor.sampler;

/**
 * A sampler's verdict and the Jaeger tags ({@code sampler.type}, {@code sampler.param}) that
 * explain it on the root span. Immutable and meant to be shared, so that deciding allocates nothing.
 */
public final class SamplingDecision {
  /** Jaeger's tag naming the sampler type. */
  public static final String SAMPLER_TYPE_TAG = "sampler.type";
  /** Jaeger's tag holding the sampler's parameter. */
  public static final String SAMPLER_PARAM_TAG = "sampler.param";

  private final boolean sampled;
  private final String samplerType;
  private final Object samplerParam;

  /**
   * @param sampled whether to record the trace
   * @param samplerType the {@code sampler.type} tag value, e.g. {@code probabilistic}
   * @param samplerParam the {@code sampler.param} tag value (Boolean or Number)
   */
  public SamplingDecision(boolean sampled, String samplerType, Object samplerParam) {
    if (samplerType == null) {
      throw new NullPointerException("samplerType == null");
    }
    if (samplerParam == null) {
      throw new NullPointerException("samplerParam == null");
    }
    this.sampled = sampled;
    this.samplerType = samplerType;
    this.samplerParam = samplerParam;
  }

  /** Whether the trace is recorded. */
  public boolean isSampled() {
    return sampled;
  }

  /** Value of the {@code sampler.type} tag. */
  public String samplerType() {
    return samplerType;
  }

  /** Value of the {@code sampler.param} tag: a Boolean or a Number. */
  public Object samplerParam() {
    return samplerParam;
  }

  @Override
  public String toString() {
    return "SamplingDecision{sampled=" + sampled + ", " + samplerType + "=" + samplerParam + "}";
  }
}
