package dev.spoor.sampler;

import dev.spoor.internal.JsonReader;
import dev.spoor.internal.JsonReader.MalformedJsonException;
import dev.spoor.internal.UntrustedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON a Jaeger sampling endpoint answers into a checked {@link SamplingStrategy}. Every
 * shape Jaeger has served is accepted: proto-JSON ({@code "strategyType":"RATE_LIMITING"}), the
 * agent's legacy form ({@code "strategyType":1} with explicit {@code null} fields), and answers
 * without {@code strategyType}. As jaeger-idl's {@code sampling.proto} advises, the strategy is
 * chosen by which field is present, {@code operationSampling} first, and {@code strategyType} is
 * ignored. A field the proto defines but the answer leaves out (or sends as {@code null}) has the
 * proto's default, 0. Unknown fields are ignored; a value of the wrong type or out of range makes
 * the whole answer invalid, so that a broken server never half-applies.
 */
final class SamplingStrategyParser {
  /** The answer nests 5 levels (answer, operationSampling, list, entry, probabilisticSampling). */
  static final int MAX_DEPTH = 16;

  private SamplingStrategyParser() {}

  /**
   * @param json the body of the answer, already bounded in length by the caller
   * @throws InvalidStrategyException when it is not JSON or not a valid strategy
   */
  static SamplingStrategy parse(String json) throws InvalidStrategyException {
    Object document;
    try {
      document = JsonReader.parse(json, MAX_DEPTH);
    } catch (MalformedJsonException e) {
      throw new InvalidStrategyException("not JSON: " + e.getMessage());
    }
    Map<String, Object> answer = object(document, "the answer");
    if (answer.get("operationSampling") != null) {
      return perOperation(object(answer.get("operationSampling"), "operationSampling"));
    }
    if (answer.get("probabilisticSampling") != null) {
      Map<String, Object> strategy =
          object(answer.get("probabilisticSampling"), "probabilisticSampling");
      return SamplingStrategy.probabilistic(
          probability(strategy, "samplingRate", "probabilisticSampling"));
    }
    if (answer.get("rateLimitingSampling") != null) {
      Map<String, Object> strategy =
          object(answer.get("rateLimitingSampling"), "rateLimitingSampling");
      return SamplingStrategy.rateLimiting(
          rate(strategy, "maxTracesPerSecond", "rateLimitingSampling"));
    }
    if (answer.containsKey("default_strategy") || answer.containsKey("service_strategies")) {
      throw new InvalidStrategyException("this is a Jaeger strategies file (default_strategy, "
          + "service_strategies), not a sampling endpoint's answer");
    }
    throw new InvalidStrategyException("no strategy in the answer: none of operationSampling, "
        + "probabilisticSampling, rateLimitingSampling");
  }

  private static SamplingStrategy perOperation(Map<String, Object> strategies)
      throws InvalidStrategyException {
    double defaultProbability =
        probability(strategies, "defaultSamplingProbability", "operationSampling");
    double lowerBound =
        rate(strategies, "defaultLowerBoundTracesPerSecond", "operationSampling");
    // Jaeger's adaptive sampling sends an upper bound; jaeger-client-java never used it. Checked,
    // not applied.
    rate(strategies, "defaultUpperBoundTracesPerSecond", "operationSampling");
    Object listed = strategies.get("perOperationStrategies");
    List<SamplingStrategy.OperationRate> operations = new ArrayList<>();
    if (listed != null) { // the legacy form sends null for an empty list
      if (!(listed instanceof List)) {
        throw new InvalidStrategyException("operationSampling.perOperationStrategies is not a list");
      }
      for (Object entry : (List<?>) listed) {
        String where = "operationSampling.perOperationStrategies[" + operations.size() + "]";
        Map<String, Object> operation = object(entry, where);
        Object name = operation.get("operation");
        if (!(name instanceof String)) {
          throw new InvalidStrategyException(where + ".operation is not a string");
        }
        Object probabilistic = operation.get("probabilisticSampling");
        if (probabilistic == null) {
          throw new InvalidStrategyException(where + " (operation '"
              + UntrustedText.forLog((String) name, 80) + "') has no probabilisticSampling");
        }
        double probability = probability(
            object(probabilistic, where + ".probabilisticSampling"), "samplingRate",
            where + ".probabilisticSampling");
        // Interned: an application's operation names are mostly literals, which are interned, so
        // the request path's map lookup then matches by identity instead of comparing chars.
        operations.add(new SamplingStrategy.OperationRate(((String) name).intern(), probability));
      }
    }
    return SamplingStrategy.perOperation(defaultProbability, lowerBound, operations);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String where)
      throws InvalidStrategyException {
    if (!(value instanceof Map)) {
      throw new InvalidStrategyException(where + " is not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private static double probability(Map<String, Object> object, String field, String where)
      throws InvalidStrategyException {
    double value = number(object, field, where);
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new InvalidStrategyException(
          where + "." + field + " is " + value + ", not a probability from 0 to 1");
    }
    return value;
  }

  private static double rate(Map<String, Object> object, String field, String where)
      throws InvalidStrategyException {
    double value = number(object, field, where);
    if (!(value >= 0.0) || Double.isInfinite(value)) {
      throw new InvalidStrategyException(
          where + "." + field + " is " + value + ", not a finite number of traces per second >= 0");
    }
    return value;
  }

  /** The field's number; 0, the proto default, when absent or null. */
  private static double number(Map<String, Object> object, String field, String where)
      throws InvalidStrategyException {
    Object value = object.get(field);
    if (value == null) {
      return 0.0;
    }
    if (!(value instanceof Double)) {
      throw new InvalidStrategyException(where + "." + field + " is not a number");
    }
    return (Double) value;
  }

  /**
   * The answer is not a valid sampling strategy. Checked, so that the poller cannot forget it;
   * stackless, as it describes the server's answer, not a bug here. The message may quote a short,
   * cleaned piece of the answer.
   */
  static final class InvalidStrategyException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidStrategyException(String message) {
      super(message, null, false, false);
    }
  }
}
