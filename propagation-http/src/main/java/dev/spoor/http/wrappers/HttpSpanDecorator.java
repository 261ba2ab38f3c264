package dev.spoor.http.wrappers;

import io.opentracing.Span;

/**
 * A hook for the application's own tags and logs on HTTP spans, called after the standard tags are
 * set. Exceptions thrown here are caught, counted and logged; they never reach the request.
 */
public interface HttpSpanDecorator {
  /** Decorates nothing: the default. */
  HttpSpanDecorator NONE = new HttpSpanDecorator() {
    @Override
    public String toString() {
      return "HttpSpanDecorator.NONE";
    }
  };

  /** Called when the span starts, with the request's standard tags already set. */
  default void onRequest(HttpRequestInfo request, Span span) {}

  /**
   * Called just before the span finishes.
   *
   * @param statusCode the response status, or 0 when no response arrived or was sent
   * @param error the exception that ended the exchange, or null
   */
  default void onResponse(HttpRequestInfo request, int statusCode, Throwable error, Span span) {}
}
