package dev.spoor.http.wrappers;

import io.opentracing.propagation.TextMap;
import jakarta.servlet.http.HttpServletRequest;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A servlet request's headers as an extract-only carrier: every value of a repeated header is a
 * separate entry, so the codecs see duplicates and can reject them.
 */
final class ServletHeaders implements TextMap {
  private final HttpServletRequest request;

  ServletHeaders(HttpServletRequest request) {
    this.request = request;
  }

  @Override
  public Iterator<Map.Entry<String, String>> iterator() {
    List<Map.Entry<String, String>> entries = new ArrayList<>(16);
    Enumeration<String> names = request.getHeaderNames();
    while (names != null && names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = request.getHeaders(name);
      while (values != null && values.hasMoreElements()) {
        entries.add(new AbstractMap.SimpleImmutableEntry<>(name, values.nextElement()));
      }
    }
    return entries.iterator();
  }

  @Override
  public void put(String key, String value) {
    throw new UnsupportedOperationException("request headers are read-only");
  }
}
