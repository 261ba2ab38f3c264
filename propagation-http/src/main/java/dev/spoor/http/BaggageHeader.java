package dev.spoor.http;

import dev.spoor.internal.HeaderSafety;
import dev.spoor.internal.RateLimitedLogger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The W3C {@code baggage} header: {@code key=value} list-members separated by commas, values
 * percent-encoded UTF-8, optional {@code ;property} metadata after a value (W3C Baggage §3).
 */
final class BaggageHeader {
  static final String HEADER = "baggage";

  /** List-members read or written; the spec's original maximum (W3C Baggage §3.3.1 limits). */
  static final int MAX_MEMBERS = 180;
  /** Bytes of a baggage-string read or written (W3C Baggage §3.3.1 limits). */
  static final int MAX_LENGTH = 8192;

  private static final RateLimitedLogger WARNINGS = new RateLimitedLogger(
      LoggerFactory.getLogger(BaggageHeader.class), 10, TimeUnit.SECONDS);
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private BaggageHeader() {}

  /**
   * Adds the members of a received value (repeated headers joined by commas) to {@code baggage}.
   * Properties are dropped: Spoor's baggage is a plain string map, and the spec leaves their
   * meaning opaque. Invalid members are skipped, as W3C Baggage §4 allows; members past the
   * 180th or past 8192 bytes are dropped. Both are logged at a limited rate.
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
      int semicolon = indexOf(value, ';', start, end);
      int memberEnd = semicolon < 0 ? end : semicolon;
      if (isBlank(value, start, memberEnd) && semicolon < 0) {
        continue;
      }
      if (members == MAX_MEMBERS) {
        skipped++;
        break;
      }
      if (addMember(value, start, memberEnd, baggage)) {
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
          HeaderValues.shown(value));
    }
  }

  private static boolean addMember(String value, int start, int end, Map<String, String> out) {
    int equal = indexOf(value, '=', start, end);
    if (equal < 0) {
      return false;
    }
    int keyStart = skipOws(value, start, equal);
    int keyEnd = trimOws(value, keyStart, equal);
    if (keyEnd == keyStart || !HeaderSafety.isToken(value, keyStart, keyEnd)) {
      return false;
    }
    int valueStart = skipOws(value, equal + 1, end);
    int valueEnd = trimOws(value, valueStart, end);
    String decoded = decode(value, valueStart, valueEnd);
    if (decoded == null) {
      return false;
    }
    out.put(value.substring(keyStart, keyEnd), decoded);
    return true;
  }

  /**
   * Percent-decodes a value of baggage-octets; returns null when it holds another character or a
   * bad escape. Bytes that are not UTF-8 become U+FFFD, as the spec requires.
   */
  private static String decode(String value, int start, int end) {
    byte[] bytes = null;
    int count = 0;
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= end) {
          return null;
        }
        int high = Character.digit(value.charAt(i + 1), 16);
        int low = Character.digit(value.charAt(i + 2), 16);
        if (high < 0 || low < 0 || value.charAt(i + 1) > 0x7f || value.charAt(i + 2) > 0x7f) {
          return null;
        }
        if (bytes == null) {
          bytes = new byte[end - start];
          for (int j = start; j < i; j++) {
            bytes[count++] = (byte) value.charAt(j);
          }
        }
        bytes[count++] = (byte) ((high << 4) | low);
        i += 2;
      } else if (!isBaggageOctet(c)) {
        return null;
      } else if (bytes != null) {
        bytes[count++] = (byte) c;
      }
    }
    return bytes == null
        ? value.substring(start, end)
        : new String(bytes, 0, count, StandardCharsets.UTF_8);
  }

  /**
   * Formats {@code baggage} as a header value, or returns null when nothing is left to write.
   * Keys that are not RFC 9110 tokens cannot be written and are skipped, as are members past the
   * limits; both are logged at a limited rate.
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
      encode(value, out);
      if (out.length() > MAX_LENGTH) {
        out.setLength(before);
        skipped++;
        continue;
      }
      members++;
    }
    if (skipped > 0) {
      WARNINGS.warn("Left {} baggage items out of the baggage header: a key is not a token, or "
          + "the header would exceed 180 members or 8192 bytes", skipped);
    }
    return out.length() == 0 ? null : out.toString();
  }

  /**
   * Percent-encodes UTF-8 bytes outside baggage-octet, plus '%' (required by the spec) and '+'
   * (which form-decoders such as {@code java.net.URLDecoder} would read as a space).
   */
  private static void encode(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x80 && isBaggageOctet(c) && c != '%' && c != '+') {
        out.append(c);
      } else if (c < 0x80) {
        appendEscaped(c, out);
      } else {
        int end = i + 1;
        if (Character.isHighSurrogate(c) && end < value.length()
            && Character.isLowSurrogate(value.charAt(end))) {
          end++;
        }
        for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          appendEscaped(b & 0xff, out);
        }
        i = end - 1;
      }
    }
  }

  private static void appendEscaped(int octet, StringBuilder out) {
    out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xf]);
  }

  /** W3C Baggage §3.2.1: {@code %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E}. */
  private static boolean isBaggageOctet(char c) {
    return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\';
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
