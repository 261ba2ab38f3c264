package dev.spoor.internal;

/**
 * The one place where text that came from outside (a header's name or value, a server's answer,
 * an exception message about either) is made safe for a log line. CR, LF, every other control
 * character and everything outside visible ASCII become '?', and the text is cut to a maximum
 * length with "..." appended, so that a hostile peer can neither forge log lines nor flood the
 * log. Every log message and exception message in Spoor that quotes received data goes through
 * {@link #forLog(CharSequence, int)}. Not API.
 */
public final class UntrustedText {
  /** The length {@link #forLog(CharSequence)} keeps. */
  public static final int DEFAULT_MAX_LENGTH = 160;
  /** The length kept of one received value quoted inside a longer message (a header value). */
  public static final int QUOTED_VALUE_LENGTH = 80;
  /** What replaces each character that may not reach a log line. */
  public static final char REPLACEMENT = '?';
  /** What marks text cut at its maximum length. */
  public static final String CUT_MARKER = "...";

  private UntrustedText() {}

  /** {@code text} cleaned and cut to {@value #DEFAULT_MAX_LENGTH} characters; "null" for null. */
  public static String forLog(CharSequence text) {
    return forLog(text, DEFAULT_MAX_LENGTH);
  }

  /**
   * {@code text} with every character but visible ASCII and the space replaced by
   * {@value #REPLACEMENT}, and cut to {@code maxLength} characters followed by
   * {@value #CUT_MARKER} when longer; "null" for null. The result is at most {@code maxLength + 3}
   * characters and holds no CR, LF or other control character.
   */
  public static String forLog(CharSequence text, int maxLength) {
    if (text == null) {
      return "null";
    }
    int length = Math.min(text.length(), Math.max(0, maxLength));
    StringBuilder out = new StringBuilder(length + CUT_MARKER.length());
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c > 0x7e ? REPLACEMENT : c);
    }
    if (text.length() > length) {
      out.append(CUT_MARKER);
    }
    return out.toString();
  }
}
