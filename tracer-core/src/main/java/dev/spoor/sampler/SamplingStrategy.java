package dev.spoor.sampler;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One sampling strategy as a Jaeger sampling endpoint answered it, checked: probabilistic, rate
 * limiting, or per operation (jaeger-idl {@code sampling.proto}'s {@code SamplingStrategyResponse}
 * with the strategy it carries). An immutable value with equality, so that an unchanged answer is
 * recognised.
 */
final class SamplingStrategy {
  enum Kind {
    PROBABILISTIC,
    RATE_LIMITING,
    PER_OPERATION
  }

  private final Kind kind;
  private final double parameter; // probability, or traces per second
  private final double defaultLowerBound;
  private final List<OperationRate> operations;

  private SamplingStrategy(
      Kind kind, double parameter, double defaultLowerBound, List<OperationRate> operations) {
    this.kind = kind;
    this.parameter = parameter;
    this.defaultLowerBound = defaultLowerBound;
    this.operations = operations;
  }

  /** Every trace with this probability, by trace id. */
  static SamplingStrategy probabilistic(double samplingRate) {
    return new SamplingStrategy(Kind.PROBABILISTIC, samplingRate, 0.0, Collections.emptyList());
  }

  /** At most this many traces per second. */
  static SamplingStrategy rateLimiting(double maxTracesPerSecond) {
    return new SamplingStrategy(
        Kind.RATE_LIMITING, maxTracesPerSecond, 0.0, Collections.emptyList());
  }

  /**
   * A probability per operation (the listed ones, the default for the others) with a lower bound
   * of traces per second for every operation.
   */
  static SamplingStrategy perOperation(
      double defaultProbability, double defaultLowerBound, List<OperationRate> operations) {
    return new SamplingStrategy(Kind.PER_OPERATION, defaultProbability, defaultLowerBound,
        Collections.unmodifiableList(operations));
  }

  Kind kind() {
    return kind;
  }

  /** The probability (probabilistic), rate (rate limiting) or default probability (per operation). */
  double parameter() {
    return parameter;
  }

  /** Per operation: the guaranteed traces per second of every operation. */
  double defaultLowerBound() {
    return defaultLowerBound;
  }

  /** Per operation: the listed operations, in the answer's order. */
  List<OperationRate> operations() {
    return operations;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SamplingStrategy)) {
      return false;
    }
    SamplingStrategy that = (SamplingStrategy) other;
    return kind == that.kind
        && Double.compare(parameter, that.parameter) == 0
        && Double.compare(defaultLowerBound, that.defaultLowerBound) == 0
        && operations.equals(that.operations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, parameter, defaultLowerBound, operations);
  }

  @Override
  public String toString() {
    switch (kind) {
      case PROBABILISTIC:
        return "probabilistic " + parameter;
      case RATE_LIMITING:
        return "ratelimiting " + parameter + "/s";
      default:
        return "per operation (default " + parameter + ", lower bound " + defaultLowerBound
            + "/s, " + operations.size() + " operations)";
    }
  }

  /** One entry of {@code perOperationStrategies}: an operation name and its probability. */
  static final class OperationRate {
    private final String operation;
    private final double probability;

    OperationRate(String operation, double probability) {
      this.operation = operation;
      this.probability = probability;
    }

    String operation() {
      return operation;
    }

    double probability() {
      return probability;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof OperationRate
          && operation.equals(((OperationRate) other).operation)
          && Double.compare(probability, ((OperationRate) other).probability) == 0;
    }

    @Override
    public int hashCode() {
      return operation.hashCode() * 31 + Double.hashCode(probability);
    }

    @Override
    public String toString() {
      return operation + "=" + probability;
    }
  }
}
