package dev.spoor.http.wrappers;

import io.opentracing.Span;

/**
 * The started span of one HTTP exchange, with what it takes to finish it: handed from the thread
 * that sent or received the request to whichever thread sees the response.
 */
final class PendingSpan {
  private final HttpSpanLifecycle lifecycle;
  private final Span span;
  private final HttpRequestInfo request;

  PendingSpan(HttpSpanLifecycle lifecycle, Span span, HttpRequestInfo request) {
    this.lifecycle = lifecycle;
    this.span = span;
    this.request = request;
  }

  /** The span, or null when the tracer failed to start one (the exchange goes on untraced). */
  Span span() {
    return span;
  }

  /**
   * Tags the outcome and finishes the span.
   *
   * @param statusCode the response status, or 0 when there was none
   * @param error what ended the exchange abnormally, or null
   */
  void finish(int statusCode, Throwable error) {
    if (span != null) {
      lifecycle.finish(span, request, statusCode, error);
    }
  }
}
