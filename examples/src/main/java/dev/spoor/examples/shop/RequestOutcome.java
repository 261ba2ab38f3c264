package dev.spoor.examples.shop;

/**
 * What the edge of the shop answered to one request.
 *
 * @param traceIdHex the request's trace id as the MDC and the agent print it
 * @param status the HTTP status shop-gateway answered
 * @param summary a few words for the terminal, e.g. "3 scoops for Ada (gold)"
 */
public record RequestOutcome(String traceIdHex, int status, String summary) {
  /** Checks the values. */
  public RequestOutcome {
    if (traceIdHex == null || traceIdHex.isEmpty()) {
      throw new IllegalArgumentException("traceIdHex is empty");
    }
    if (summary == null) {
      throw new NullPointerException("summary == null");
    }
  }
}
