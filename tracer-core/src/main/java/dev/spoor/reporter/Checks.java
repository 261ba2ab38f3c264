package dev.spoor.reporter;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Argument checks of the reporting builders, failing fast with the argument's name. */
final class Checks {
  private Checks() {}

  static int range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be from " + min + " to " + max + ", was " + value);
    }
    return value;
  }

  /** {@code value unit} in ms, at least 1 ms. */
  static long positiveMillis(String name, long value, TimeUnit unit) {
    if (unit == null) {
      throw new NullPointerException("unit == null");
    }
    long millis = unit.toMillis(value);
    if (millis < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, was " + value + " "
          + unit);
    }
    return millis;
  }

  /** {@code value} in ms (saturating), at least 1 ms. */
  static long positiveMillis(String name, Duration value) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    long millis;
    try {
      millis = value.toMillis();
    } catch (ArithmeticException e) {
      millis = value.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    if (millis < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, was " + value);
    }
    return millis;
  }

  static <T> T notNull(String name, T value) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    return value;
  }
}
