package dev.spoor.examples.shop;

import java.util.function.UnaryOperator;

/**
 * Where the shop's tracers send their UDP datagrams: the Jaeger agent named by
 * {@code JAEGER_AGENT_HOST}/{@code JAEGER_AGENT_PORT}, or the demo's in-process agent.
 *
 * @param host agent host name or address
 * @param port agent UDP port (compact Thrift)
 * @param inProcess true for the demo's own agent, whose traces the demo draws
 */
public record AgentEndpoint(String host, int port, boolean inProcess) {
  /** Setting naming an external agent's host; when unset the demo starts its own agent. */
  public static final String HOST_SETTING = "JAEGER_AGENT_HOST";
  /** Setting naming an external agent's port. */
  public static final String PORT_SETTING = "JAEGER_AGENT_PORT";
  /** The Jaeger agent's compact Thrift port, used when {@value #PORT_SETTING} is unset. */
  public static final int DEFAULT_PORT = 6831;

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
    return host + ":" + port;
  }
}
