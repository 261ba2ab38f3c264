package dev.spoor.http.interop;

import dev.spoor.SpoorSpanContext;
import dev.spoor.propagation.JaegerCodec;
import io.opentracing.propagation.TextMapAdapter;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the cross-process cases share: the baggage sent, the debug trigger, id formatting. */
final class InteropCases {
  /**
   * Two baggage items whose values need every kind of escape: a space, non-ASCII, and the
   * characters the formats use as delimiters or escapes ({@code + = ; , %}).
   */
  static final Map<String, String> BAGGAGE = baggage();

  private InteropCases() {}

  private static Map<String, String> baggage() {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("cust-name", "Zoë Doe");
    items.put("expr", "a+b=c; 100%, ok");
    return items;
  }

  /**
   * A partial context that makes the next root a debug trace, the way a Jaeger user asks for one
   * ({@code jaeger-debug-id}); whatever the tracer's sampler says, the trace is sampled and debug.
   */
  static SpoorSpanContext debugRequest() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(JaegerCodec.DEBUG_ID_HEADER, "node-interop");
    return new JaegerCodec().extract(new TextMapAdapter(headers));
  }

  static String hex16(long value) {
    String digits = Long.toHexString(value);
    return "0".repeat(16 - digits.length()) + digits;
  }

  static String ids(boolean wide) {
    return wide ? "128-bit" : "64-bit";
  }

  static String baggageCell(NodePeer peer, boolean withBaggage) {
    if (!withBaggage) {
      return "none";
    }
    return peer.baggage ? BAGGAGE.size() + " items, escaped" : "n/a (peer carries none)";
  }
}
