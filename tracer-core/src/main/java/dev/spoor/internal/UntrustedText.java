package dev.spoor.internal;

/**
 * Makes text that came from outside (a server's answer, an exception message about it) safe for
 * one log line: CR, LF, every other control character and everything outside visible ASCII become
 * '?', and the text is cut to a maximum length with "..." appended, so that a hostile peer can
 * neither forge log lines nor flood the log. Not API.
 */
public final class UntrustedText {
  /** The length {@link #forLog(CharSequence)} keeps. */
  public static final int DEFAULT_MAX_LENGTH = 160;

  private UntrustedText() {}

  /** {@code text} cleaned and cut to {@value #DEFAULT_MAX_LENGTH} characters; "null" for null. */
  public static String forLog(CharSequence text) {
    return forLog(text, DEFAULT_MAX_LENGTH);
  }

  /** {@code text} cleaned and cut to {@code maxLength} characters; "null" for null. */
  public static String forLog(CharSequence text, int maxLength) {
    if (text == null) {
      return "null";
    }
    int length = Math.min(text.length(), Math.max(0, maxLength));
    StringBuilder out = new StringBuilder(length + 3);
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c > 0x7e ? '?' : c);
    }
    if (text.length() > length) {
      out.append("...");
    }
    return out.toString();
  }
}
