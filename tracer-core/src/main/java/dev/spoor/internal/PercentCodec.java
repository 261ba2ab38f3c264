package dev.spoor.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Percent-encoding of UTF-8 text (RFC 3986 §2.1) for header values, in the one place Spoor does
 * it: Jaeger's {@code uberctx-*} and {@code jaeger-baggage} values, the W3C {@code baggage}
 * header and B3's {@code baggage-*} headers. Each instance is one dialect: the ASCII characters it writes as they are, the ones it
 * accepts unescaped when reading, and whether a {@code +} reads as a space. Not API.
 *
 * <p>Written escapes are upper-case ({@code %C3%AB}), one per UTF-8 byte; an unpaired surrogate is
 * written as U+FFFD, so the output is always valid UTF-8 for strict decoders such as JavaScript's
 * {@code decodeURIComponent}, which throws on anything else. A space is always {@code %20}, never
 * {@code +}: Java's {@code URLDecoder}, Go's {@code url.QueryUnescape} and {@code
 * decodeURIComponent} all read {@code %20} as a space, but the last one reads {@code +} as a plus.
 * For the same reason a literal {@code +} is always written {@code %2B}.
 *
 * <p>Values that need no escape are returned as they are, without allocating; decoding without an
 * escape returns the input (or its substring) likewise.
 */
public final class PercentCodec {
  /**
   * Jaeger's {@code uberctx-*} and {@code jaeger-baggage} values: writes as they are only the
   * characters {@code java.net.URLEncoder} leaves alone ({@code A-Z a-z 0-9 . - * _}), as
   * jaeger-client-java did, so every Jaeger client reads them; reads any character, and {@code +}
   * as a space, as jaeger-client-java's {@code URLDecoder} and jaeger-client-go's {@code
   * QueryUnescape} do.
   */
  public static final PercentCodec JAEGER =
      new PercentCodec("JAEGER",
          ascii("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-*_"), null, true);

  /**
   * The W3C {@code baggage} header's values (W3C Baggage, "value"): writes every
   * baggage-octet as it is except {@code %} (which the spec requires escaped) and {@code +} (which
   * form decoders would read as a space); reads only baggage-octets and escapes, {@code +} as a
   * plus.
   */
  public static final PercentCodec W3C_BAGGAGE =
      new PercentCodec("W3C_BAGGAGE", without(baggageOctets(), "%+"), baggageOctets(), false);

  /**
   * {@code baggage-*} values next to B3 headers (jaeger-client-java's B3 codec convention, whose
   * peers neither encode nor decode): writes every visible ASCII character but {@code %} as it is
   * and escapes the space, controls and non-ASCII; reads any ASCII character, {@code +} as a plus,
   * and refuses (null) non-ASCII, which a value Spoor wrote never holds.
   */
  public static final PercentCodec B3_BAGGAGE =
      new PercentCodec("B3_BAGGAGE", without(visibleAscii(), "%"), allAscii(), false);

  private final String name;
  private final boolean[] writtenAsIs;
  private final boolean[] readAsIs; // null: any character
  private final boolean plusIsSpace;

  private PercentCodec(
      String name, boolean[] writtenAsIs, boolean[] readAsIs, boolean plusIsSpace) {
    this.name = name;
    this.writtenAsIs = writtenAsIs;
    this.readAsIs = readAsIs;
    this.plusIsSpace = plusIsSpace;
  }

  /** True when {@code value} is written as it is: {@link #encode} returns it unchanged. */
  public boolean needsNoEncoding(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 128 || !writtenAsIs[c]) {
        return false;
      }
    }
    return true;
  }

  /** {@code value} percent-encoded; the same instance when nothing needs an escape. */
  public String encode(String value) {
    if (needsNoEncoding(value)) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    appendEncoded(value, out);
    return out.toString();
  }

  /** Appends {@code value} percent-encoded to {@code out}. */
  public void appendEncoded(String value, StringBuilder out) {
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 128) {
        if (writtenAsIs[c]) {
          out.append(c);
        } else {
          appendEscaped(c, out);
        }
      } else if (c < 0x800) {
        appendEscaped(0xc0 | (c >> 6), out);
        appendEscaped(0x80 | (c & 0x3f), out);
      } else if (Character.isHighSurrogate(c) && i + 1 < length
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, value.charAt(++i));
        appendEscaped(0xf0 | (codePoint >> 18), out);
        appendEscaped(0x80 | ((codePoint >> 12) & 0x3f), out);
        appendEscaped(0x80 | ((codePoint >> 6) & 0x3f), out);
        appendEscaped(0x80 | (codePoint & 0x3f), out);
      } else {
        int unit = Character.isSurrogate(c) ? '\ufffd' : c; // unpaired: the replacement character
        appendEscaped(0xe0 | (unit >> 12), out);
        appendEscaped(0x80 | ((unit >> 6) & 0x3f), out);
        appendEscaped(0x80 | (unit & 0x3f), out);
      }
    }
  }

  private static void appendEscaped(int octet, StringBuilder out) {
    out.append('%').append(HexCodec.upperDigit(octet >> 4)).append(HexCodec.upperDigit(octet));
  }

  /** {@link #decode(String, int, int)} of the whole value. */
  public String decode(String value) {
    return decode(value, 0, value.length());
  }

  /**
   * Decodes {@code value[start, end)}: {@code %XX} escapes (either case) are UTF-8 bytes, a run of
   * them that is not valid UTF-8 becomes U+FFFD per bad sequence (as {@code URLDecoder} does and
   * W3C Baggage requires).
   *
   * @return the decoded text (the input or its substring when there is nothing to decode), or null
   *     when an escape is not {@code %} and two hex digits, or a character is not one this dialect
   *     reads unescaped
   */
  public String decode(String value, int start, int end) {
    int first = start;
    while (first < end) {
      char c = value.charAt(first);
      if (c == '%' || (c == '+' && plusIsSpace)) {
        break;
      }
      if (readAsIs != null && (c >= 128 || !readAsIs[c])) {
        return null;
      }
      first++;
    }
    if (first == end) {
      return start == 0 && end == value.length() ? value : value.substring(start, end);
    }
    StringBuilder out = new StringBuilder(end - start);
    out.append(value, start, first);
    byte[] bytes = null;
    int count = 0;
    for (int i = first; i < end; i++) {
      char c = value.charAt(i);
      if (c == '%') {
        int high = i + 2 < end ? HexCodec.digitValue(value.charAt(i + 1)) : -1;
        int low = high < 0 ? -1 : HexCodec.digitValue(value.charAt(i + 2));
        if (low < 0) {
          return null;
        }
        if (bytes == null) {
          bytes = new byte[(end - i) / 3]; // at most this many escapes are left
        }
        bytes[count++] = (byte) ((high << 4) | low);
        i += 2;
        continue;
      }
      if (count > 0) {
        out.append(new String(bytes, 0, count, StandardCharsets.UTF_8));
        count = 0;
      }
      if (c == '+' && plusIsSpace) {
        out.append(' ');
      } else if (readAsIs != null && (c >= 128 || !readAsIs[c])) {
        return null;
      } else {
        out.append(c);
      }
    }
    if (count > 0) {
      out.append(new String(bytes, 0, count, StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static boolean[] ascii(String characters) {
    boolean[] set = new boolean[128];
    for (int i = 0; i < characters.length(); i++) {
      set[characters.charAt(i)] = true;
    }
    return set;
  }

  /** W3C Baggage's baggage-octet: {@code %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E}. */
  private static boolean[] baggageOctets() {
    boolean[] set = new boolean[128];
    for (char c = 0x21; c <= 0x7e; c++) {
      set[c] = c != '"' && c != ',' && c != ';' && c != '\\';
    }
    return set;
  }

  private static boolean[] visibleAscii() {
    boolean[] set = new boolean[128];
    for (char c = 0x21; c <= 0x7e; c++) {
      set[c] = true;
    }
    return set;
  }

  private static boolean[] allAscii() {
    boolean[] set = new boolean[128];
    Arrays.fill(set, true);
    return set;
  }

  private static boolean[] without(boolean[] set, String characters) {
    for (int i = 0; i < characters.length(); i++) {
      set[characters.charAt(i)] = false;
    }
    return set;
  }

  @Override
  public String toString() {
    return "PercentCodec." + name;
  }
}
