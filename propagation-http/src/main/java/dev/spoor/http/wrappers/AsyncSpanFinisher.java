package dev.spoor.http.wrappers;

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
  private final PendingSpan span;
  private volatile Throwable error;

  AsyncSpanFinisher(PendingSpan span) {
    this.span = span;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    ServletResponse response = event.getSuppliedResponse();
    int status = response instanceof HttpServletResponse
        ? ((HttpServletResponse) response).getStatus() : 0;
    span.finish(status, error);
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
