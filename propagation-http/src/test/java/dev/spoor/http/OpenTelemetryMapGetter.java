package dev.spoor.http;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;

/** Lets OpenTelemetry's propagators read headers from a plain map, in the interop tests. */
public final class OpenTelemetryMapGetter implements TextMapGetter<Map<String, String>> {
  /** The one instance; it holds no state. */
  public static final OpenTelemetryMapGetter INSTANCE = new OpenTelemetryMapGetter();

  private OpenTelemetryMapGetter() {}

  @Override
  @SuppressWarnings("deprecation") // still abstract in the API; no replacement to implement
  public Iterable<String> keys(Map<String, String> carrier) {
    return carrier.keySet();
  }

  @Override
  public String get(Map<String, String> carrier, String key) {
    return carrier == null ? null : carrier.get(key);
  }
}
