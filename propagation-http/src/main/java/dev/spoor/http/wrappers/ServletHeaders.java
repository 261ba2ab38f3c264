package dev.spoor.http.wrappers;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/** A servlet request's headers as an extract-only carrier. */
final class ServletHeaders extends ExtractOnlyCarrier {
  private final HttpServletRequest request;

  ServletHeaders(HttpServletRequest request) {
    this.request = request;
  }

  @Override
  void addHeaders(List<Map.Entry<String, String>> entries) {
    Enumeration<String> names = request.getHeaderNames();
    while (names != null && names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = request.getHeaders(name);
      while (values != null && values.hasMoreElements()) {
        add(entries, name, values.nextElement());
      }
    }
  }
}
