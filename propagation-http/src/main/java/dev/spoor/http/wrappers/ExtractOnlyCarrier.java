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
 */
abstract class ExtractOnlyCarrier implements TextMap {
  @Override
  public final Iterator<Map.Entry<String, String>> iterator() {
    List<Map.Entry<String, String>> entries = new ArrayList<>(16);
    addHeaders(entries);
    return entries.iterator();
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
