package dev.spoor.propagation;

/**
 * Thrown by an {@link Extractor} when the carrier holds a context of its format that cannot be
 * parsed. Stackless: it is expected on hostile input and must be cheap. The tracer catches it.
 */
public final class MalformedContextException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong, naming the header; never the whole (possibly huge) value */
  public MalformedContextException(String message) {
    super(message, null, false, false);
  }
}
