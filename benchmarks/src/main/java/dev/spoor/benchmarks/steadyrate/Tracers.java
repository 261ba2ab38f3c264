package dev.spoor.benchmarks.steadyrate;

import java.util.List;
import java.util.Map;

/**
 * The tracers the steady-rate benchmark knows, by the names the other benchmarks use, and what
 * each child JVM needs to be told to reach its receiver.
 */
final class Tracers {
  static final String NOOP = "noop";
  static final String SPOOR = "spoor";
  static final String JAEGER_CLIENT = "jaeger-client";
  static final String BRAVE = "brave";
  static final String OTEL = "otel";

  /** Every tracer, in report order; {@link #NOOP} is the baseline the others are measured from. */
  static final List<String> ALL = List.of(NOOP, SPOOR, JAEGER_CLIENT, BRAVE, OTEL);

  private Tracers() {}

  /** Whether the tracer sends Jaeger Thrift over UDP (else HTTP, or nothing for the no-op). */
  static boolean sendsUdp(String tracer) {
    return tracer.equals(SPOOR) || tracer.equals(JAEGER_CLIENT);
  }

  /** Whether the tracer sends spans anywhere: all but the no-op tracer. */
  static boolean reports(String tracer) {
    return !tracer.equals(NOOP);
  }

  /**
   * The environment of a tracer's child JVM: jaeger-client-java's variables, which both Spoor's
   * {@code fromEnv()} and jaeger-client-java's {@code Configuration.fromEnv()} read, with every
   * span sampled and sent to the agent at {@code 127.0.0.1:port}; nothing for the others, which
   * are configured in code.
   */
  static Map<String, String> environment(String tracer, int port) {
    if (!sendsUdp(tracer)) {
      return Map.of();
    }
    return Map.of(
        "JAEGER_SERVICE_NAME", TracedLoad.SERVICE,
        "JAEGER_SAMPLER_TYPE", "const",
        "JAEGER_SAMPLER_PARAM", "1",
        "JAEGER_AGENT_HOST", "127.0.0.1",
        "JAEGER_AGENT_PORT", Integer.toString(port));
  }

  /** Fails naming the tracer when it is not one of {@link #ALL}. */
  static String check(String tracer) {
    if (!ALL.contains(tracer)) {
      throw new IllegalArgumentException("unknown tracer '" + tracer + "'; known: " + ALL);
    }
    return tracer;
  }
}
