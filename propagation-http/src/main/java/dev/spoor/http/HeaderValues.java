package dev.spoor.http;

/**
 * Small helpers shared by the codecs for received values: trimming optional whitespace and joining
 * repeated headers. (Whether a value may be written is {@link dev.spoor.internal.HeaderSafety}'s
 * job, and quoting one in a log line {@link dev.spoor.internal.UntrustedText}'s, both shared with
 * tracer-core.)
 */
final class HeaderValues {
  private HeaderValues() {}

  /** True for RFC 9110 §5.6.3 optional whitespace: space or horizontal tab. */
  static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }

  /** {@code value} without leading and trailing spaces and tabs (not other characters). */
  static String trimOws(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isOws(value.charAt(start))) {
      start++;
    }
    while (end > start && isOws(value.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == value.length() ? value : value.substring(start, end);
  }

  /**
   * Appends a repeated header's value to the ones before it with a comma, as RFC 9110 §5.3
   * combines field lines, without letting the result grow past {@code maxLength}. Appending to
   * one builder keeps many short repeated lines linear in their total length.
   *
   * @return the builder holding the combined value (a new one for the first value), or null when
   *     it would exceed {@code maxLength}
   */
  static StringBuilder combine(StringBuilder previous, String next, int maxLength) {
    if (previous == null) {
      return next.length() > maxLength ? null : new StringBuilder(next);
    }
    if (previous.length() + 1L + next.length() > maxLength) {
      return null;
    }
    return previous.append(',').append(next);
  }

  /**
   * Appends a repeated header's value to the ones before it with a comma (RFC 9110 §5.3), keeping
   * only the first {@code maxLength} characters of the result: for a value of which only a prefix
   * is read, a huge header costs no more than that prefix.
   *
   * @return the builder holding the joined prefix (a new one for the first value)
   */
  static StringBuilder joinCapped(StringBuilder previous, String next, int maxLength) {
    StringBuilder joined = previous;
    if (joined == null) {
      joined = new StringBuilder(Math.min(next.length(), maxLength));
    } else if (joined.length() < maxLength) {
      joined.append(',');
    }
    int room = maxLength - joined.length();
    if (room > 0) {
      joined.append(next, 0, Math.min(next.length(), room));
    }
    return joined;
  }
}
