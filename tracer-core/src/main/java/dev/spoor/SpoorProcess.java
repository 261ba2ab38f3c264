package dev.spoor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process that emits spans: the service name and process-wide tags ({@code hostname},
 * {@code ip}, {@code jaeger.version} and the user's own). Sent once per batch to Jaeger.
 */
public final class SpoorProcess {
  private final String serviceName;
  private final Map<String, Object> tags;

  SpoorProcess(String serviceName, Map<String, Object> tags) {
    this.serviceName = serviceName;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** The service name, e.g. {@code shop-gateway}. */
  public String serviceName() {
    return serviceName;
  }

  /** Process tags in insertion order, unmodifiable. */
  public Map<String, Object> tags() {
    return tags;
  }

  @Override
  public String toString() {
    return "SpoorProcess{" + serviceName + ", " + tags + "}";
  }
}
