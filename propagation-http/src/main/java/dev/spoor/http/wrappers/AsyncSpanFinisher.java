package dev.spoor.http.wrappers;

import io.opentracing.Span;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.TimeoutException;

/**
 * Finishes the server span of an asynchronous servlet request when the container completes it,
 * remembering an error or timeout seen on the way. Registers itself again when the application
 * restarts async processing, since the container forgets listeners then (Servlet 6.1,
 * {@code AsyncContext.addListener}).
 */
final class AsyncSpanFinisher implements AsyncListener {
  private final HttpSpanLifecycle lifecycle;
  private final Span span;
  private final HttpRequestInfo request;
  private volatile Throwable error;

  AsyncSpanFinisher(HttpSpanLifecycle lifecycle, Span span, HttpRequestInfo request) {
    this.lifecycle = lifecycle;
    this.span = span;
    this.request = request;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    ServletResponse response = event.getSuppliedResponse();
    int status = response instanceof HttpServletResponse
        ? ((HttpServletResponse) response).getStatus() : 0;
    lifecycle.finish(span, request, status, error);
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    error = new TimeoutException("asynchronous request timed out after "
        + event.getAsyncContext().getTimeout() + " ms");
  }

  @Override
  public void onError(AsyncEvent event) {
    if (event.getThrowable() != null) {
      error = event.getThrowable();
    }
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    event.getAsyncContext().addListener(this, event.getSuppliedRequest(),
        event.getSuppliedResponse());
  }
}
