package dev.spoor.http;

import dev.spoor.internal.UntrustedText;
import dev.spoor.propagation.MalformedContextException;

/**
 * The W3C {@code tracestate} header (Trace Context Level 2 §3.3): up to 32 {@code key=value}
 * list-members, carried through unchanged except for optional whitespace, empty members and a
 * repeated key's later entries, and truncated to 512 characters the way §3.3.1.5 asks.
 */
final class TraceState {
  static final String HEADER = "tracestate";

  /** §3.3.1.1: "There can be a maximum of 32 list-members in a list." */
  static final int MAX_MEMBERS = 32;
  /** §3.3.1.5: vendors SHOULD propagate at least 512 characters; we propagate exactly that many. */
  static final int MAX_PROPAGATED_LENGTH = 512;
  /** §3.3.1.5: entries longer than 128 characters are removed first when truncating. */
  static final int LONG_MEMBER = 128;
  /**
   * A valid list is at most 32 members of 513 characters; beyond this the received headers are
   * refused without being parsed, whatever optional whitespace they hold.
   */
  static final int MAX_RECEIVED_LENGTH = 32 * 1024;

  private static final int MAX_KEY = 256;
  private static final int MAX_VALUE = 256;

  private TraceState() {}

  /**
   * Validates a received value (repeated headers already joined by commas) and returns it
   * without optional whitespace and empty members, or null when it holds no member. A key that
   * repeats keeps its first (left-most, so most recent) entry: the later ones are dropped, which
   * the W3C test suite allows ("kept as is or one of them dropped") and which leaves one entry per
   * key as §3.3.1.4 asks of what is sent on.
   *
   * @throws MalformedContextException when any member is invalid or there are more than 32
   *     members: the whole {@code tracestate} must then be discarded
   */
  static String normalize(String value) {
    int[] starts = new int[MAX_MEMBERS];
    int[] equals = new int[MAX_MEMBERS];
    int[] ends = new int[MAX_MEMBERS];
    boolean[] dropped = new boolean[MAX_MEMBERS];
    int count = 0;
    int position = 0;
    int length = value.length();
    while (position <= length) {
      int comma = value.indexOf(',', position);
      int end = comma < 0 ? length : comma;
      int start = position;
      while (start < end && HeaderValues.isOws(value.charAt(start))) {
        start++;
      }
      int trimmedEnd = end;
      while (trimmedEnd > start && HeaderValues.isOws(value.charAt(trimmedEnd - 1))) {
        trimmedEnd--;
      }
      if (trimmedEnd > start) { // §3.3.1.1: empty and whitespace-only members are allowed
        if (count == MAX_MEMBERS) {
          throw new MalformedContextException(HEADER + " has more than 32 list-members");
        }
        int equal = value.indexOf('=', start);
        if (equal < 0 || equal >= trimmedEnd) {
          throw malformed("has a list-member without '='", value);
        }
        checkKey(value, start, equal);
        checkValue(value, equal + 1, trimmedEnd);
        for (int i = 0; i < count && !dropped[count]; i++) {
          dropped[count] = !dropped[i] && equals[i] - starts[i] == equal - start
              && value.regionMatches(starts[i], value, start, equal - start);
        }
        starts[count] = start;
        equals[count] = equal;
        ends[count] = trimmedEnd;
        count++;
      }
      position = end + 1;
    }
    return count == 0 ? null : join(value, starts, ends, count, dropped);
  }

  /**
   * Joins the members not already {@code dropped}, dropping whole members as §3.3.1.5 says when
   * longer than 512.
   */
  private static String join(String value, int[] starts, int[] ends, int count,
      boolean[] dropped) {
    int total = lengthOf(starts, ends, count, dropped);
    for (int i = 0; i < count && total > MAX_PROPAGATED_LENGTH; i++) {
      if (ends[i] - starts[i] > LONG_MEMBER) {
        dropped[i] = true;
        total = lengthOf(starts, ends, count, dropped);
      }
    }
    for (int i = count - 1; i >= 0 && total > MAX_PROPAGATED_LENGTH; i--) {
      if (!dropped[i]) {
        dropped[i] = true;
        total = lengthOf(starts, ends, count, dropped);
      }
    }
    if (total == 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(total);
    for (int i = 0; i < count; i++) {
      if (!dropped[i]) {
        if (out.length() > 0) {
          out.append(',');
        }
        out.append(value, starts[i], ends[i]);
      }
    }
    return out.toString();
  }

  private static int lengthOf(int[] starts, int[] ends, int count, boolean[] dropped) {
    int total = 0;
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (!dropped[i]) {
        total += ends[i] - starts[i];
        kept++;
      }
    }
    return kept == 0 ? 0 : total + kept - 1;
  }

  /**
   * §3.3.1.3.1 (Level 2): {@code key = ( lcalpha / DIGIT ) 0*255 ( keychar )}, keychar being
   * lower-case letters, digits and {@code _-*}{@code /@}. Level 1's {@code tenant@system} form, its
   * 241 and 14 character limits and its one-{@code @} rule are gone: {@code foo@}, {@code foo@@bar}
   * and {@code t@} followed by 15 characters are keys; only a key starting with {@code @} (or any
   * other keychar) is not.
   */
  private static void checkKey(String value, int start, int end) {
    int length = end - start;
    if (length < 1 || length > MAX_KEY || !isLetterOrDigit(value.charAt(start))) {
      throw malformed("has an invalid key", value);
    }
    for (int i = start + 1; i < end; i++) {
      char c = value.charAt(i);
      if (!isLetterOrDigit(c) && c != '_' && c != '-' && c != '*' && c != '/' && c != '@') {
        throw malformed("has an invalid key", value);
      }
    }
  }

  /** §3.3.1.3.2: 1 to 256 printable ASCII characters except ',' and '=', not ending in a space. */
  private static void checkValue(String value, int start, int end) {
    int length = end - start;
    if (length < 1 || length > MAX_VALUE || value.charAt(end - 1) == ' ') {
      throw malformed("has an empty or too long value", value);
    }
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == ',' || c == '=') {
        throw malformed("has an invalid character in a value", value);
      }
    }
  }

  private static boolean isLowerAlpha(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isLetterOrDigit(char c) {
    return isLowerAlpha(c) || (c >= '0' && c <= '9');
  }

  private static MalformedContextException malformed(String problem, String value) {
    return new MalformedContextException(
        HEADER + " " + problem + ": '"
            + UntrustedText.forLog(value, UntrustedText.QUOTED_VALUE_LENGTH) + "'");
  }
}
