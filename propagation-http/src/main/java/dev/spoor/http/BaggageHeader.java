package dev.spoor.http;

import dev.spoor.internal.HeaderSafety;
import dev.spoor.internal.LibraryLogger;
import dev.spoor.internal.PercentCodec;
import dev.spoor.internal.RateLimitedLogger;
import dev.spoor.internal.UntrustedText;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The W3C {@code baggage} header (W3C Baggage, Candidate Recommendation, §3): {@code key=value}
 * list-members separated by commas, values percent-encoded UTF-8, optional {@code ;property} or
 * {@code ;key=value} metadata after a value. The percent-coding is tracer-core's
 * {@link PercentCodec#W3C_BAGGAGE}, Spoor's one percent codec (its Jaeger dialect serves the
 * Jaeger codec).
 */
final class BaggageHeader {
  static final String HEADER = "baggage";

  /** List-members read or written (W3C Baggage, "Limits": at least 64 are propagated). */
  static final int MAX_MEMBERS = 64;
  /** Bytes of a baggage-string read or written, all headers together (W3C Baggage, "Limits"). */
  static final int MAX_LENGTH = 8192;

  private static final RateLimitedLogger WARNINGS = new RateLimitedLogger(
      LibraryLogger.of(BaggageHeader.class), 10, TimeUnit.SECONDS);

  private BaggageHeader() {}

  /**
   * Adds the members of a received value (repeated headers joined by commas) to {@code baggage}.
   * A member's properties are checked against the grammar and then dropped: Spoor's baggage is a
   * plain string map, and the spec gives them no meaning. Invalid members are skipped, as W3C
   * Baggage's "Mutating baggage" allows ("MAY remove that entry"); members past the 64th or past 8192 bytes are
   * dropped whole, never cut. Both are logged at a limited rate.
   */
  static void parse(String value, Map<String, String> baggage) {
    int length = Math.min(value.length(), MAX_LENGTH);
    int members = 0;
    int skipped = 0;
    int position = 0;
    while (position < length) {
      int comma = value.indexOf(',', position);
      int end = comma < 0 ? value.length() : comma;
      if (end > length) {
        skipped++; // this member crosses the size limit
        break;
      }
      int start = position;
      position = end + 1;
      if (isBlank(value, start, end)) {
        continue;
      }
      if (members == MAX_MEMBERS) {
        skipped++;
        break;
      }
      if (addMember(value, start, end, baggage)) {
        members++;
      } else {
        skipped++;
      }
    }
    if (value.length() > length) {
      skipped++;
    }
    if (skipped > 0) {
      WARNINGS.warn("Dropped invalid or excess members of an incoming baggage header: '{}'",
          UntrustedText.forLog(value, UntrustedText.QUOTED_VALUE_LENGTH));
    }
  }

  /** {@code key OWS "=" OWS value *( OWS ";" OWS property )}; adds it when valid. */
  private static boolean addMember(String value, int start, int end, Map<String, String> out) {
    int semicolon = indexOf(value, ';', start, end);
    int memberEnd = semicolon < 0 ? end : semicolon;
    int equal = indexOf(value, '=', start, memberEnd);
    if (equal < 0) {
      return false;
    }
    int keyStart = skipOws(value, start, equal);
    int keyEnd = trimOws(value, keyStart, equal);
    if (!HeaderSafety.isToken(value, keyStart, keyEnd)) {
      return false;
    }
    int valueStart = skipOws(value, equal + 1, memberEnd);
    int valueEnd = trimOws(value, valueStart, memberEnd);
    String decoded = PercentCodec.W3C_BAGGAGE.decode(value, valueStart, valueEnd);
    if (decoded == null) {
      return false;
    }
    while (semicolon >= 0) {
      int next = indexOf(value, ';', semicolon + 1, end);
      if (!isProperty(value, semicolon + 1, next < 0 ? end : next)) {
        return false;
      }
      semicolon = next;
    }
    out.put(value.substring(keyStart, keyEnd), decoded);
    return true;
  }

  /** {@code property = key OWS "=" OWS value / key OWS}, with OWS around it (W3C Baggage, "Definition"). */
  private static boolean isProperty(String value, int start, int end) {
    int equal = indexOf(value, '=', start, end);
    int keyStart = skipOws(value, start, equal < 0 ? end : equal);
    int keyEnd = trimOws(value, keyStart, equal < 0 ? end : equal);
    if (!HeaderSafety.isToken(value, keyStart, keyEnd)) {
      return false;
    }
    if (equal < 0) {
      return true;
    }
    int valueStart = skipOws(value, equal + 1, end);
    return PercentCodec.W3C_BAGGAGE.decode(value, valueStart, trimOws(value, valueStart, end))
        != null;
  }

  /**
   * Formats {@code baggage} as a header value, or returns null when nothing is left to write.
   * Keys that are not RFC 9110 tokens cannot be written and are skipped, as are whole members past
   * the limits ("Limits": never a partial member); both are logged at a limited rate.
   */
  static String format(Map<String, String> baggage) {
    StringBuilder out = new StringBuilder();
    int members = 0;
    int skipped = 0;
    for (Map.Entry<String, String> item : baggage.entrySet()) {
      String key = item.getKey();
      String value = item.getValue();
      if (key == null || value == null || !HeaderSafety.isToken(key, 0, key.length())
          || members == MAX_MEMBERS) {
        skipped++;
        continue;
      }
      int before = out.length();
      if (before > 0) {
        out.append(',');
      }
      out.append(key).append('=');
      PercentCodec.W3C_BAGGAGE.appendEncoded(value, out);
      if (out.length() > MAX_LENGTH) {
        out.setLength(before);
        skipped++;
        continue;
      }
      members++;
    }
    if (skipped > 0) {
      WARNINGS.warn("Left {} baggage items out of the baggage header: a key is not a token, or "
          + "the header would exceed 64 members or 8192 bytes", skipped);
    }
    return out.length() == 0 ? null : out.toString();
  }

  private static int indexOf(String s, char c, int start, int end) {
    for (int i = start; i < end; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(String s, int start, int end) {
    return skipOws(s, start, end) == end;
  }

  private static int skipOws(String s, int start, int end) {
    while (start < end && HeaderValues.isOws(s.charAt(start))) {
      start++;
    }
    return start;
  }

  private static int trimOws(String s, int start, int end) {
    while (end > start && HeaderValues.isOws(s.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
