package dev.spoor.http.wrappers;

import io.opentracing.Span;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/** Finishes an asynchronous client span when its response future completes, either way. */
final class AsyncResponseFinisher<T> implements BiConsumer<HttpResponse<T>, Throwable> {
  private final HttpSpanLifecycle lifecycle;
  private final Span span;
  private final HttpRequestInfo request;

  AsyncResponseFinisher(HttpSpanLifecycle lifecycle, Span span, HttpRequestInfo request) {
    this.lifecycle = lifecycle;
    this.span = span;
    this.request = request;
  }

  @Override
  public void accept(HttpResponse<T> response, Throwable error) {
    if (error != null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null
          ? error.getCause() : error;
      lifecycle.finish(span, request, 0, cause);
    } else {
      lifecycle.finish(span, request, response.statusCode(), null);
    }
  }
}
