package dev.spoor.internal;

/**
 * Character checks that keep injected headers legal (RFC 9110 §5.6.2 tokens, §5.5 field values),
 * shared by the Jaeger codec in tracer-core and the W3C and B3 codecs of propagation-http so that
 * both modules draw the line in the same place. Not API.
 */
public final class HeaderSafety {
  private static final boolean[] TCHAR = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TCHAR[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TCHAR[c] = true;
      TCHAR[Character.toUpperCase(c)] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TCHAR[c] = true;
    }
  }

  private HeaderSafety() {}

  /** True when {@code s} is a non-null RFC 9110 §5.6.2 token: usable as (part of) a header name. */
  public static boolean isToken(String s) {
    return s != null && isToken(s, 0, s.length());
  }

  /** True when {@code s[start, end)} is a non-empty RFC 9110 §5.6.2 token (one or more tchar). */
  public static boolean isToken(String s, int start, int end) {
    if (start >= end) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c >= TCHAR.length || !TCHAR[c]) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when {@code s} holds only visible ASCII and spaces, so it can be written as a header value
   * without CR, LF, other control characters or non-ASCII (RFC 9110 §5.5).
   */
  public static boolean isVisibleAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
