package dev.spoor.reporter;

/**
 * What a {@link Sender} made of one message, and so what the reporter does next: nothing
 * ({@link Status#SENT}), try again later ({@link Status#RETRYABLE}), give the spans up as failed
 * ({@link Status#FAILED}) or as refused ({@link Status#REJECTED}), or split the message in two
 * ({@link Status#TOO_LARGE}). The detail is for a log line: it never holds credentials, and
 * text from the backend in it is already cleaned.
 */
public final class SendResult {
  /** The outcome of a send. */
  public enum Status {
    /** Delivered (UDP: the kernel took the datagram; HTTP: a 2xx answer). */
    SENT,
    /**
     * Not delivered, but a later attempt may be: connection refused or reset, a timeout, HTTP
     * 429, 502, 503, 504. Retried with backoff while attempts and the close timeout allow.
     */
    RETRYABLE,
    /** Not delivered, and sending the same message again is not worth it (a socket error). */
    FAILED,
    /** The backend refused the message for good (HTTP 4xx other than 413 and 429). */
    REJECTED,
    /** The backend found the message too large (HTTP 413): it is split and each half re-sent. */
    TOO_LARGE
  }

  /** The message was delivered. */
  public static final SendResult SENT = new SendResult(Status.SENT, "sent", -1);

  private final Status status;
  private final String detail;
  private final long retryAfterMillis;

  private SendResult(Status status, String detail, long retryAfterMillis) {
    this.status = status;
    this.detail = detail;
    this.retryAfterMillis = retryAfterMillis;
  }

  /**
   * Try again later; {@code retryAfterMillis} is the backend's wish (HTTP {@code Retry-After}),
   * or -1 for the reporter's own backoff.
   */
  public static SendResult retryable(String detail, long retryAfterMillis) {
    return new SendResult(Status.RETRYABLE, checkDetail(detail), Math.max(-1, retryAfterMillis));
  }

  /** Not delivered; do not try this message again. */
  public static SendResult failed(String detail) {
    return new SendResult(Status.FAILED, checkDetail(detail), -1);
  }

  /** Refused for good by the backend. */
  public static SendResult rejected(String detail) {
    return new SendResult(Status.REJECTED, checkDetail(detail), -1);
  }

  /** Too large for the backend: split and send each half. */
  public static SendResult tooLarge(String detail) {
    return new SendResult(Status.TOO_LARGE, checkDetail(detail), -1);
  }

  private static String checkDetail(String detail) {
    if (detail == null) {
      throw new NullPointerException("detail == null");
    }
    return detail;
  }

  /** The outcome. */
  public Status status() {
    return status;
  }

  /** What happened, for a log line (no credentials, backend text cleaned). */
  public String detail() {
    return detail;
  }

  /** The delay the backend asked for before a retry, in ms, or -1 when it asked none. */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  @Override
  public String toString() {
    return status + ": " + detail;
  }
}
