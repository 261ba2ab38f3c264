package dev.spoor.http.wrappers;

/**
 * Boxed HTTP status codes for the {@code http.status_code} tag. {@code Integer.valueOf} caches
 * only -128..127, so every span would box its status anew; the codes a response can have
 * (RFC 9110 §15: 100..599) are boxed once each, when first seen.
 */
final class StatusCodes {
  private static final int FIRST = 100;
  private static final Integer[] BOXED = new Integer[600 - FIRST];

  private StatusCodes() {}

  /** {@code statusCode} boxed, the same instance each time for 100..599. */
  static Integer boxed(int statusCode) {
    if (statusCode < FIRST || statusCode >= FIRST + BOXED.length) {
      return statusCode;
    }
    // A race only boxes a code twice: an Integer is immutable, so any instance read is complete.
    Integer boxed = BOXED[statusCode - FIRST];
    if (boxed == null) {
      boxed = statusCode;
      BOXED[statusCode - FIRST] = boxed;
    }
    return boxed;
  }
}
