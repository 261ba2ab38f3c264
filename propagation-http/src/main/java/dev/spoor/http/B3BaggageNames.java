package dev.spoor.http;

import dev.spoor.internal.HeaderSafety;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names of {@code baggage-{key}} headers and the keys they carry, remembered for the few
 * hundred keys a service actually uses: a round trip then builds no name string and hashes no new
 * string per item, as Brave's baggage fields hold their header names from configuration on.
 *
 * <p>Both maps are bounded and only grow: past {@link #MAX_NAMES} names (many distinct keys, or
 * junk headers from a hostile client) the names are computed per call as before, so the cache
 * costs at most a few tens of kilobytes and never changes a result. Lookups are lock-free.
 */
final class B3BaggageNames {
  /** At most this many names are remembered in each direction. */
  static final int MAX_NAMES = 256;

  private static final ConcurrentHashMap<String, String> HEADER_BY_KEY =
      new ConcurrentHashMap<>(64);
  private static final ConcurrentHashMap<String, String> KEY_BY_HEADER =
      new ConcurrentHashMap<>(64);

  private B3BaggageNames() {}

  /**
   * The header name {@code baggage-{key}}, or null when {@code key} is not an RFC 9110 token and so
   * cannot be part of a header name.
   */
  static String headerOf(String key) {
    String header = HEADER_BY_KEY.get(key);
    if (header != null) {
      return header;
    }
    if (!HeaderSafety.isToken(key, 0, key.length())) {
      return null;
    }
    header = B3Baggage.PREFIX + key;
    remember(HEADER_BY_KEY, key, header);
    return header;
  }

  /** The baggage key of the header {@code header} (which starts with the prefix), lower case. */
  static String keyOf(String header) {
    String key = KEY_BY_HEADER.get(header);
    if (key != null) {
      return key;
    }
    key = header.substring(B3Baggage.PREFIX.length()).toLowerCase(Locale.ROOT);
    remember(KEY_BY_HEADER, header, key);
    return key;
  }

  private static void remember(ConcurrentHashMap<String, String> names, String from, String to) {
    if (names.size() < MAX_NAMES) {
      names.putIfAbsent(from, to);
    }
  }
}
