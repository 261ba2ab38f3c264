package dev.spoor.http;

import dev.spoor.internal.HeaderSafety;
import dev.spoor.internal.LibraryLogger;
import dev.spoor.internal.PercentCodec;
import dev.spoor.internal.RateLimitedLogger;
import dev.spoor.internal.UntrustedText;
import io.opentracing.propagation.TextMapInject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Baggage next to B3 headers as {@code baggage-{key}: {value}}, the convention of
 * jaeger-client-java's B3 codec (and of Brave setups with prefixed baggage fields), so that a
 * service using only {@code b3} still carries baggage to and from those peers.
 *
 * <p>Values of visible ASCII without '%' are written as they are, since those peers neither encode
 * nor decode; any other value is percent-encoded UTF-8 so that no header carries CR, LF or
 * non-ASCII ({@link PercentCodec#B3_BAGGAGE}). Reading decodes a value only when it is a valid
 * percent-encoding.
 */
final class B3Baggage {
  static final String PREFIX = "baggage-";
  /** At most this many items are read, as for the W3C baggage header. */
  static final int MAX_ITEMS = BaggageHeader.MAX_MEMBERS;

  private static final RateLimitedLogger WARNINGS = new RateLimitedLogger(
      LibraryLogger.of(B3Baggage.class), 10, TimeUnit.SECONDS);

  private B3Baggage() {}

  /** True when {@code key} names a baggage header. */
  static boolean isBaggageHeader(String key) {
    return key.length() > PREFIX.length()
        && key.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * Adds the item of a {@code baggage-*} header to {@code baggage} (created when null), with the
   * key in lower case as header names have no case; returns the map.
   */
  static Map<String, String> add(Map<String, String> baggage, String header, String value) {
    // Sized for the usual one to three items: a table of 4 rather than HashMap's default 16.
    Map<String, String> items = baggage == null ? new HashMap<>(4) : baggage;
    String key = B3BaggageNames.keyOf(header);
    if (items.size() >= MAX_ITEMS && !items.containsKey(key)) {
      WARNINGS.warn("Dropped incoming B3 baggage beyond {} items: '{}'", MAX_ITEMS,
          UntrustedText.forLog(header, UntrustedText.QUOTED_VALUE_LENGTH));
      return items;
    }
    items.put(key, decode(value));
    return items;
  }

  /** Writes each item whose key is an RFC 9110 token; others are left out with a warning. */
  static void inject(Map<String, String> baggage, TextMapInject carrier) {
    for (Map.Entry<String, String> item : baggage.entrySet()) {
      String key = item.getKey();
      String value = item.getValue();
      String header = key == null || value == null ? null : B3BaggageNames.headerOf(key);
      if (header == null) {
        WARNINGS.warn("Left out a baggage item whose key cannot be a header name: '{}'",
            UntrustedText.forLog(key, UntrustedText.QUOTED_VALUE_LENGTH));
        continue;
      }
      carrier.put(header, encode(value));
    }
  }

  // Visible ASCII (the space included) without '%' as it is: those peers neither encode nor decode.
  private static String encode(String value) {
    if (HeaderSafety.isVisibleAscii(value) && value.indexOf('%') < 0) {
      return value;
    }
    return PercentCodec.B3_BAGGAGE.encode(value);
  }

  // Not an encoding Spoor writes (a bad escape, non-ASCII): the value as sent.
  private static String decode(String value) {
    String decoded = PercentCodec.B3_BAGGAGE.decode(value);
    return decoded == null ? value : decoded;
  }
}
