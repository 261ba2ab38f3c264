package dev.spoor;

/**
 * Bounds on what one span may hold, so that a bug or hostile input cannot make a span grow
 * without end. Data beyond a limit is dropped and counted in {@link dev.spoor.metrics.SpoorMetrics},
 * never thrown.
 *
 * <p>Defaults: 256 tags and 256 logs per span (OpenTelemetry's defaults are 128; jaeger-client-java
 * had none), 64 baggage items, 2048 characters per baggage value (jaeger-client-java's default
 * baggage restriction).
 */
public final class Limits {
  /** The defaults described above. */
  public static final Limits DEFAULT = builder().build();

  private final int maxTagsPerSpan;
  private final int maxLogsPerSpan;
  private final int maxBaggageItems;
  private final int maxBaggageValueLength;

  private Limits(Builder builder) {
    this.maxTagsPerSpan = builder.maxTagsPerSpan;
    this.maxLogsPerSpan = builder.maxLogsPerSpan;
    this.maxBaggageItems = builder.maxBaggageItems;
    this.maxBaggageValueLength = builder.maxBaggageValueLength;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Maximum tags on one span; later tags with new keys are dropped. */
  public int maxTagsPerSpan() {
    return maxTagsPerSpan;
  }

  /** Maximum log records on one span. */
  public int maxLogsPerSpan() {
    return maxLogsPerSpan;
  }

  /** Maximum baggage items in one context. */
  public int maxBaggageItems() {
    return maxBaggageItems;
  }

  /** Maximum length of a baggage value; longer values are truncated. */
  public int maxBaggageValueLength() {
    return maxBaggageValueLength;
  }

  @Override
  public String toString() {
    return "Limits{tags=" + maxTagsPerSpan + ", logs=" + maxLogsPerSpan + ", baggageItems="
        + maxBaggageItems + ", baggageValueLength=" + maxBaggageValueLength + "}";
  }

  /** Builds {@link Limits}; every value must be at least 0. */
  public static final class Builder {
    private int maxTagsPerSpan = 256;
    private int maxLogsPerSpan = 256;
    private int maxBaggageItems = 64;
    private int maxBaggageValueLength = 2048;

    private Builder() {}

    /** Maximum tags per span (default 256). */
    public Builder maxTagsPerSpan(int value) {
      this.maxTagsPerSpan = checkNonNegative("maxTagsPerSpan", value);
      return this;
    }

    /** Maximum logs per span (default 256). */
    public Builder maxLogsPerSpan(int value) {
      this.maxLogsPerSpan = checkNonNegative("maxLogsPerSpan", value);
      return this;
    }

    /** Maximum baggage items (default 64). */
    public Builder maxBaggageItems(int value) {
      this.maxBaggageItems = checkNonNegative("maxBaggageItems", value);
      return this;
    }

    /** Maximum baggage value length in characters (default 2048). */
    public Builder maxBaggageValueLength(int value) {
      this.maxBaggageValueLength = checkNonNegative("maxBaggageValueLength", value);
      return this;
    }

    /** The immutable limits. */
    public Limits build() {
      return new Limits(this);
    }

    private static int checkNonNegative(String name, int value) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must be >= 0, was " + value);
      }
      return value;
    }
  }
}
