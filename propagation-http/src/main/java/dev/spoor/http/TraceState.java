package dev.spoor.http;

import dev.spoor.propagation.MalformedContextException;

/**
 * The W3C {@code tracestate} header: up to 32 {@code key=value} list-members, carried through
 * unchanged except for optional whitespace and empty members, and truncated to 512 characters the
 * way W3C Trace Context §3.3.1.5 asks.
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
  private static final int MAX_TENANT = 241;
  private static final int MAX_SYSTEM = 14;
  private static final int MAX_VALUE = 256;

  private TraceState() {}

  /**
   * Validates a received value (repeated headers already joined by commas) and returns it
   * without optional whitespace and empty members, or null when it holds no member.
   *
   * @throws MalformedContextException when any member is invalid, a key repeats or there are more
   *     than 32 members: the whole {@code tracestate} must then be discarded
   */
  static String normalize(String value) {
    int[] starts = new int[MAX_MEMBERS];
    int[] equals = new int[MAX_MEMBERS];
    int[] ends = new int[MAX_MEMBERS];
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
        for (int i = 0; i < count; i++) {
          if (equals[i] - starts[i] == equal - start
              && value.regionMatches(starts[i], value, start, equal - start)) {
            throw malformed("repeats a key", value); // §3.3.1.3: one entry per key
          }
        }
        starts[count] = start;
        equals[count] = equal;
        ends[count] = trimmedEnd;
        count++;
      }
      position = end + 1;
    }
    return count == 0 ? null : join(value, starts, ends, count);
  }

  /** Joins the members, dropping whole members as §3.3.1.5 says when longer than 512. */
  private static String join(String value, int[] starts, int[] ends, int count) {
    boolean[] dropped = new boolean[count];
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
   * §3.3.1.3.1: a key is lower-case letters, digits and {@code _-*}/, starting with a letter or
   * digit, at most 256 characters; a multi-tenant key {@code tenant@system} has a tenant of at most
   * 241 and a system of at most 14 characters starting with a letter (Level 1 grammar, which the
   * W3C test suite checks).
   */
  private static void checkKey(String value, int start, int end) {
    int length = end - start;
    if (length < 1 || length > MAX_KEY || !isLetterOrDigit(value.charAt(start))) {
      throw malformed("has an invalid key", value);
    }
    int at = -1;
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (c == '@') {
        if (at >= 0) {
          throw malformed("has a key with two '@'", value);
        }
        at = i;
      } else if (!isLetterOrDigit(c) && c != '_' && c != '-' && c != '*' && c != '/') {
        throw malformed("has an invalid key", value);
      }
    }
    if (at >= 0) {
      int tenant = at - start;
      int system = end - at - 1;
      if (tenant > MAX_TENANT || system < 1 || system > MAX_SYSTEM
          || !isLowerAlpha(value.charAt(at + 1))) {
        throw malformed("has an invalid multi-tenant key", value);
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
        HEADER + " " + problem + ": '" + HeaderValues.shown(value) + "'");
  }
}
