package dev.spoor.http.wrappers;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/** Finishes an asynchronous client span when its response future completes, either way. */
final class AsyncResponseFinisher<T> implements BiConsumer<HttpResponse<T>, Throwable> {
  private final PendingSpan span;

  AsyncResponseFinisher(PendingSpan span) {
    this.span = span;
  }

  @Override
  public void accept(HttpResponse<T> response, Throwable error) {
    if (error != null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null
          ? error.getCause() : error;
      span.finish(0, cause);
    } else {
      span.finish(response.statusCode(), null);
    }
  }
}
