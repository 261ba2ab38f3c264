package dev.spoor.it;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets {@code JAEGER_*} values as system properties (which {@code fromEnv()} reads before the
 * environment) and removes them again, so a test configures a tracer as a deployment would.
 */
public final class JaegerVariables implements AutoCloseable {
  private final Map<String, String> previous = new LinkedHashMap<>();

  /** Sets {@code name} to {@code value} until closed. */
  public JaegerVariables set(String name, String value) {
    if (!previous.containsKey(name)) {
      previous.put(name, System.getProperty(name));
    }
    System.setProperty(name, value);
    return this;
  }

  /** The settings of a service reporting every span to an agent on 127.0.0.1:{@code port}. */
  public static JaegerVariables reportingTo(String serviceName, int port) {
    return new JaegerVariables()
        .set("JAEGER_SERVICE_NAME", serviceName)
        .set("JAEGER_AGENT_HOST", "127.0.0.1")
        .set("JAEGER_AGENT_PORT", Integer.toString(port))
        .set("JAEGER_SAMPLER_TYPE", "const")
        .set("JAEGER_SAMPLER_PARAM", "1")
        .set("JAEGER_REPORTER_FLUSH_INTERVAL", "20");
  }

  @Override
  public void close() {
    previous.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
    previous.clear();
  }
}
