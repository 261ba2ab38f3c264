package dev.spoor.internal;

/**
 * Hexadecimal in the one place Spoor writes and reads it: lower-case forms of 64-bit ids and strict
 * parsing of them, the value of one hex digit (for percent-escapes and JSON's unicode escapes),
 * and the upper-case digits of percent-escapes. Not API: used by the codecs of every Spoor module,
 * and may change without notice.
 */
public final class HexCodec {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();
  private static final char[] UPPER_DIGITS = "0123456789ABCDEF".toCharArray();

  private HexCodec() {}

  /** Writes {@code value} as 16 lower-case hex digits into {@code out} starting at {@code offset}. */
  public static void writeHex16(long value, char[] out, int offset) {
    writeHex(value, 16, out, offset);
  }

  /**
   * The number of hex digits {@link Long#toHexString} writes for {@code value}: no leading zeros,
   * one digit for zero.
   */
  public static int unpaddedLength(long value) {
    return value == 0 ? 1 : 16 - Long.numberOfLeadingZeros(value) / 4;
  }

  /**
   * Writes the lowest {@code digits} hex digits of {@code value} into {@code out} at {@code
   * offset}, lower case; with {@link #unpaddedLength} digits this is {@link Long#toHexString}.
   */
  public static void writeHex(long value, int digits, char[] out, int offset) {
    for (int i = digits - 1; i >= 0; i--) {
      out[offset + i] = DIGITS[(int) (value & 0xf)];
      value >>>= 4;
    }
  }

  /** Returns {@code value} as exactly 16 lower-case hex digits. */
  public static String toHex16(long value) {
    char[] out = new char[16];
    writeHex16(value, out, 0);
    return new String(out);
  }

  /** Returns the 128-bit id {@code high:low} as exactly 32 lower-case hex digits. */
  public static String toHex32(long high, long low) {
    char[] out = new char[32];
    writeHex16(high, out, 0);
    writeHex16(low, out, 16);
    return new String(out);
  }

  /**
   * Parses {@code length} hex digits (1..16) at {@code offset}, upper or lower case.
   *
   * @return the value, or {@code 0} when the range is empty, too long or holds a non-hex character;
   *     callers treat 0 as invalid, since no valid id is zero
   */
  public static long parseHex64(CharSequence s, int offset, int length) {
    if (length <= 0 || length > 16 || offset < 0 || offset + length > s.length()) {
      return 0L;
    }
    long result = 0;
    for (int i = offset; i < offset + length; i++) {
      int digit = digit(s.charAt(i), true);
      if (digit < 0) {
        return 0L;
      }
      result = (result << 4) | digit;
    }
    return result;
  }

  /** Like {@link #parseHex64} but accepts only lower-case digits (W3C Trace Context §3.2.2). */
  public static long parseLowerHex64(CharSequence s, int offset, int length) {
    if (length <= 0 || length > 16 || offset < 0 || offset + length > s.length()) {
      return 0L;
    }
    long result = 0;
    for (int i = offset; i < offset + length; i++) {
      int digit = digit(s.charAt(i), false);
      if (digit < 0) {
        return 0L;
      }
      result = (result << 4) | digit;
    }
    return result;
  }

  /** Returns true when every character in the range is a hex digit (lower case only if asked). */
  public static boolean isHex(CharSequence s, int offset, int length, boolean lowerCaseOnly) {
    if (offset < 0 || offset + length > s.length()) {
      return false;
    }
    for (int i = offset; i < offset + length; i++) {
      if (digit(s.charAt(i), !lowerCaseOnly) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The value 0-15 of the hex digit {@code c}, upper or lower case; -1 for any other character. */
  public static int digitValue(char c) {
    return digit(c, true);
  }

  /** The upper-case hex digit of {@code nibble} (0-15), as percent-escapes are written. */
  public static char upperDigit(int nibble) {
    return UPPER_DIGITS[nibble & 0xf];
  }

  private static int digit(char c, boolean acceptUpper) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (acceptUpper && c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
