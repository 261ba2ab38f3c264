package dev.spoor.examples.shop;

import com.sun.net.httpserver.Headers;
import io.opentracing.propagation.TextMapAdapter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves span contexts in and out of HTTP headers with the tracer's
 * {@link io.opentracing.propagation.Format.Builtin#HTTP_HEADERS} codec: an incoming request's
 * headers become a carrier to extract from, and an outgoing request gets the injected entries.
 */
final class HeaderCarriers {
  private HeaderCarriers() {}

  /** A carrier holding the first value of each request header. */
  static TextMapAdapter fromRequest(Headers headers) {
    Map<String, String> first = new HashMap<>();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (!header.getValue().isEmpty()) {
        first.put(header.getKey(), header.getValue().get(0));
      }
    }
    return new TextMapAdapter(first);
  }

  /** An empty carrier to inject into; its map then holds the headers to send. */
  static TextMapAdapter forInjection(Map<String, String> outgoing) {
    return new TextMapAdapter(outgoing);
  }
}
