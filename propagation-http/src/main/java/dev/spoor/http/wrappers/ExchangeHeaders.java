package dev.spoor.http.wrappers;

import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Map;

/** The request headers of a JDK {@code HttpExchange} as an extract-only carrier. */
final class ExchangeHeaders extends ExtractOnlyCarrier {
  private final Headers headers;

  ExchangeHeaders(Headers headers) {
    this.headers = headers;
  }

  @Override
  void addHeaders(List<Map.Entry<String, String>> entries) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      List<String> values = header.getValue();
      if (values.size() == 1) { // the usual case: no iterator over the JDK's LinkedList
        add(entries, header.getKey(), values.get(0));
      } else {
        for (String value : values) {
          add(entries, header.getKey(), value);
        }
      }
    }
  }

  @Override
  int expectedEntries() {
    return headers.size();
  }
}
