package dev.spoor.examples.shop;

import java.util.function.UnaryOperator;

/**
 * Where the shop's tracers send their spans: an OTLP/HTTP endpoint named by
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} (e.g. Jaeger v2's {@code http://localhost:4318}), the Jaeger
 * agent named by {@code JAEGER_AGENT_HOST}/{@code JAEGER_AGENT_PORT}, or the demo's in-process
 * agent.
 *
 * @param host agent or OTLP endpoint host name or address
 * @param port agent UDP port (compact Thrift), or the OTLP endpoint's port
 * @param inProcess true for the demo's own agent, whose traces the demo draws
 * @param otlpEndpoint the OTLP/HTTP base URL when spans go over OTLP, else null
 */
public record AgentEndpoint(String host, int port, boolean inProcess, String otlpEndpoint) {
  /** Setting naming an OTLP/HTTP endpoint; it wins over the agent settings. */
  public static final String OTLP_SETTING = "OTEL_EXPORTER_OTLP_ENDPOINT";
  /** Setting naming an external agent's host; when unset the demo starts its own agent. */
  public static final String HOST_SETTING = "JAEGER_AGENT_HOST";
  /** Setting naming an external agent's port. */
  public static final String PORT_SETTING = "JAEGER_AGENT_PORT";
  /** The Jaeger agent's compact Thrift port, used when {@value #PORT_SETTING} is unset. */
  public static final int DEFAULT_PORT = 6831;

  /** A Jaeger agent over UDP. */
  public AgentEndpoint(String host, int port, boolean inProcess) {
    this(host, port, inProcess, null);
  }

  /** Checks the values. */
  public AgentEndpoint {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * The external agent named by the settings, or null when {@value #HOST_SETTING} is unset or
   * blank (the demo then starts its own).
   *
   * @throws IllegalArgumentException when {@value #PORT_SETTING} is not a port number
   */
  public static AgentEndpoint external(UnaryOperator<String> settings) {
    String otlp = settings.apply(OTLP_SETTING);
    if (otlp != null && !otlp.isBlank()) {
      java.net.URI uri;
      try {
        uri = java.net.URI.create(otlp.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(OTLP_SETTING + " is not a URL: " + otlp);
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException(OTLP_SETTING + " has no host: " + otlp);
      }
      return new AgentEndpoint(uri.getHost(), uri.getPort() < 0 ? 4318 : uri.getPort(), false,
          otlp.trim());
    }
    String host = settings.apply(HOST_SETTING);
    if (host == null || host.isBlank()) {
      return null;
    }
    String portText = settings.apply(PORT_SETTING);
    int port = DEFAULT_PORT;
    if (portText != null && !portText.isBlank()) {
      try {
        port = Integer.parseInt(portText.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(PORT_SETTING + " is not a number: " + portText);
      }
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(PORT_SETTING + " out of range: " + portText);
      }
    }
    return new AgentEndpoint(host.trim(), port, false);
  }

  @Override
  public String toString() {
    return otlpEndpoint != null ? otlpEndpoint + " (OTLP/HTTP)" : host + ":" + port;
  }
}
