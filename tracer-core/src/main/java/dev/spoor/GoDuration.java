package dev.spoor;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Reads an interval setting: a plain number of milliseconds ({@code 60000}, like
 * jaeger-client-java's {@code JAEGER_REPORTER_FLUSH_INTERVAL}), or a Go duration ({@code 500ms},
 * {@code 1m30s}, {@code 2h}, {@code 1.5s}; units ns, us, µs, ms, s, m, h), the form
 * jaeger-client-go reads {@code JAEGER_SAMPLER_REFRESH_INTERVAL} in ({@code time.ParseDuration}).
 */
final class GoDuration {
  private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;

  private GoDuration() {}

  /**
   * @return the interval, not negative
   * @throws IllegalArgumentException saying what is wrong (the caller names the variable)
   */
  static Duration parse(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    if (allDigits(text)) {
      if (text.length() > 18 || Long.parseLong(text) > MAX_MILLIS) {
        throw new IllegalArgumentException("too large");
      }
      return Duration.ofMillis(Long.parseLong(text));
    }
    String rest = text.startsWith("+") ? text.substring(1) : text;
    if (rest.startsWith("-")) {
      throw new IllegalArgumentException("negative");
    }
    if (rest.equals("0")) {
      return Duration.ZERO;
    }
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("no number");
    }
    while (i < rest.length()) {
      int numberStart = i;
      while (i < rest.length() && isDigit(rest.charAt(i))) {
        i++;
      }
      boolean wholeDigits = i > numberStart;
      boolean fractionDigits = false;
      if (i < rest.length() && rest.charAt(i) == '.') {
        i++;
        int fractionStart = i;
        while (i < rest.length() && isDigit(rest.charAt(i))) {
          i++;
        }
        fractionDigits = i > fractionStart;
      }
      if (!wholeDigits && !fractionDigits) {
        throw new IllegalArgumentException("expected a number at '" + rest.substring(numberStart)
            + "'");
      }
      String number = rest.substring(numberStart, i);
      int unitStart = i;
      while (i < rest.length() && !isDigit(rest.charAt(i)) && rest.charAt(i) != '.') {
        i++;
      }
      long unitNanos = unitNanos(rest.substring(unitStart, i), number);
      nanos = nanos.add(new BigDecimal(number.startsWith(".") ? "0" + number : number)
          .multiply(BigDecimal.valueOf(unitNanos)));
      if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw new IllegalArgumentException("too large");
      }
    }
    return Duration.ofNanos(nanos.longValue()); // a fraction of a nanosecond is dropped, as in Go
  }

  private static long unitNanos(String unit, String number) {
    switch (unit) {
      case "ns":
        return 1L;
      case "us":
      case "\u00b5s": // micro sign
      case "\u03bcs": // Greek small letter mu
        return 1_000L;
      case "ms":
        return 1_000_000L;
      case "s":
        return 1_000_000_000L;
      case "m":
        return 60_000_000_000L;
      case "h":
        return 3_600_000_000_000L;
      case "":
        throw new IllegalArgumentException("missing unit after " + number);
      default:
        throw new IllegalArgumentException("unknown unit '" + unit + "'");
    }
  }

  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
