package dev.spoor.propagation;

/** Checks that keep injected headers legal (RFC 9110 §5.1 tokens, §5.5 field values). */
final class HeaderSafety {
  private HeaderSafety() {}

  /** True when {@code s} is a non-empty RFC 9110 token: usable as (part of) a header name. */
  static boolean isToken(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code s} holds only visible ASCII and spaces (no CR, LF or other controls). */
  static boolean isVisibleAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
