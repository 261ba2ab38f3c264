package dev.spoor.http.wrappers;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An inject-only carrier that collects the headers the tracer writes, already in the shape
 * {@code java.net.http.HttpHeaders.of} takes: names case-insensitive (a later write of the same
 * name replaces the earlier one), one value each.
 */
final class OutgoingHeaders extends InjectOnlyCarrier {
  private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  @Override
  public void put(String key, String value) {
    headers.put(key, Collections.singletonList(value));
  }

  Map<String, List<String>> headers() {
    return headers;
  }
}
