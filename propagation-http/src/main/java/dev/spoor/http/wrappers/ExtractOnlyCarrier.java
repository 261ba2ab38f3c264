package dev.spoor.http.wrappers;

import io.opentracing.propagation.TextMap;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A carrier over incoming request headers, which the tracer reads and must never write. Every
 * value of a repeated header is a separate entry, so the codecs see duplicates and can reject them.
 * The headers are read once, when the carrier is first iterated.
 */
abstract class ExtractOnlyCarrier implements TextMap {
  // Every codec of a composite iterates the carrier: the entries are built once, on the first
  // iteration, and reused. A carrier serves one request on one thread at a time.
  private List<Map.Entry<String, String>> entries;

  @Override
  public final Iterator<Map.Entry<String, String>> iterator() {
    List<Map.Entry<String, String>> built = entries;
    if (built == null) {
      built = new ArrayList<>(expectedEntries());
      addHeaders(built);
      entries = built;
    }
    return built.iterator();
  }

  /** How many entries to make room for: one per header name, when the carrier knows them. */
  int expectedEntries() {
    return 16;
  }

  /** Adds one entry per header value, in the order received. */
  abstract void addHeaders(List<Map.Entry<String, String>> entries);

  static void add(List<Map.Entry<String, String>> entries, String name, String value) {
    entries.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
  }

  @Override
  public final void put(String key, String value) {
    throw new UnsupportedOperationException("request headers are read-only");
  }
}
