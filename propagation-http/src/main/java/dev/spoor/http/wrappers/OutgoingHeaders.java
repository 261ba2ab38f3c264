package dev.spoor.http.wrappers;

import java.util.LinkedHashMap;
import java.util.Map;

/** An inject-only carrier that collects the headers the tracer writes, in order. */
final class OutgoingHeaders extends InjectOnlyCarrier {
  private final Map<String, String> headers = new LinkedHashMap<>(8);

  @Override
  public void put(String key, String value) {
    headers.put(key, value);
  }

  Map<String, String> headers() {
    return headers;
  }
}
