package dev.spoor.http;

import io.opentracing.propagation.TextMapExtract;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A list of header lines in arrival order, with repeats: what an HTTP server hands over, which a
 * {@code Map}-backed {@code TextMapAdapter} cannot express.
 */
final class Headers implements TextMapExtract {
  private final List<Map.Entry<String, String>> lines = new ArrayList<>();

  /** Headers from alternating names and values. */
  static Headers of(String... namesAndValues) {
    Headers headers = new Headers();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  Headers add(String name, String value) {
    lines.add(new SimpleEntry<>(name, value));
    return this;
  }

  @Override
  public Iterator<Map.Entry<String, String>> iterator() {
    return lines.iterator();
  }
}
