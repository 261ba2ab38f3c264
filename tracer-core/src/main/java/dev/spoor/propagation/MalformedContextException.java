package dev.spoor.propagation;

import dev.spoor.internal.UntrustedText;

/**
 * Thrown by an {@link Extractor} when the carrier holds a context of its format that cannot be
 * parsed. Stackless: it is expected on hostile input and must be cheap. The tracer catches it and
 * logs its message, so the message is made safe for one log line here, whoever wrote the codec.
 */
public final class MalformedContextException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** The longest message kept (more is cut, with "..."), so a hostile header cannot flood a log. */
  public static final int MAX_MESSAGE_LENGTH = 200;

  /**
   * @param message what is wrong, naming the header and quoting at most a bounded part of the
   *     value; CR, LF, other control characters and non-ASCII in it become '?', and it is cut to
   *     {@value #MAX_MESSAGE_LENGTH} characters
   */
  public MalformedContextException(String message) {
    super(UntrustedText.forLog(message, MAX_MESSAGE_LENGTH), null, false, false);
  }
}
