package dev.spoor.http.wrappers;

import com.sun.net.httpserver.Headers;
import io.opentracing.propagation.TextMap;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The request headers of a JDK {@code HttpExchange} as an extract-only carrier: every value of a
 * repeated header is a separate entry, so the codecs see duplicates and can reject them.
 */
final class ExchangeHeaders implements TextMap {
  private final Headers headers;

  ExchangeHeaders(Headers headers) {
    this.headers = headers;
  }

  @Override
  public Iterator<Map.Entry<String, String>> iterator() {
    List<Map.Entry<String, String>> entries = new ArrayList<>(headers.size() + 4);
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) {
        entries.add(new AbstractMap.SimpleImmutableEntry<>(header.getKey(), value));
      }
    }
    return entries.iterator();
  }

  @Override
  public void put(String key, String value) {
    throw new UnsupportedOperationException("request headers are read-only");
  }
}
