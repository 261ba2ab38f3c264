package dev.spoor.examples.shop;

import dev.spoor.reporter.Reporter;

/**
 * Where the shop's four tracers send their finished spans: one reporter per service, and a way to
 * send everything now. The demo's implementation reports over UDP to the chosen
 * {@link AgentEndpoint}; tests may keep spans in memory.
 */
public interface SpanReporting {
  /** The reporter for the tracer of {@code serviceName}; the shop closes it with the tracer. */
  Reporter reporter(String serviceName);

  /** Sends every span the reporters hold now, rather than on their timers. */
  void flush();
}
