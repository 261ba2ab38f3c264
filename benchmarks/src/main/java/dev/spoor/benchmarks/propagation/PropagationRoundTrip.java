package dev.spoor.benchmarks.propagation;

import java.util.Map;

/**
 * One tracer's inject-then-extract of the same context: a sampled span with 128-bit trace id and
 * the baggage {@link #BAGGAGE}, through a {@code HashMap} of headers that is cleared before each
 * injection.
 */
interface PropagationRoundTrip {
  /** The two baggage items, as key, value pairs. */
  String[] BAGGAGE = {"user", "alice", "tenant", "acme"};

  /**
   * Injects the context into the header map, then extracts a context from it.
   *
   * @return the extracted context, in the tracer's own type
   */
  Object injectAndExtract();

  /** The headers written by the last injection, for checking what was measured. */
  Map<String, String> headers();

  /**
   * Creates the round trip of {@code system} in {@code format} ({@code jaeger}, {@code w3c} or
   * {@code b3}).
   *
   * @throws IllegalArgumentException when the system does not offer the format
   */
  static PropagationRoundTrip create(String system, String format) {
    switch (system) {
      case "spoor":
        return new SpoorRoundTrip(format);
      case "jaeger-client":
        return new JaegerClientRoundTrip(format);
      case "brave":
        return new BraveRoundTrip(format);
      case "otel":
        return new OtelRoundTrip(format);
      default:
        throw new IllegalArgumentException("unknown system: " + system);
    }
  }

  /** Fails for a format that {@code system} does not offer. */
  static IllegalArgumentException unsupported(String system, String format) {
    return new IllegalArgumentException(system + " has no " + format + " propagation here");
  }
}
