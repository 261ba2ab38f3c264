package dev.spoor.http.wrappers;

import io.opentracing.propagation.TextMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** An inject-only carrier that collects the headers the tracer writes, in order. */
final class OutgoingHeaders implements TextMap {
  private final Map<String, String> headers = new LinkedHashMap<>(8);

  @Override
  public void put(String key, String value) {
    headers.put(key, value);
  }

  @Override
  public Iterator<Map.Entry<String, String>> iterator() {
    throw new UnsupportedOperationException("an outgoing carrier is write-only");
  }

  Map<String, String> headers() {
    return headers;
  }
}
