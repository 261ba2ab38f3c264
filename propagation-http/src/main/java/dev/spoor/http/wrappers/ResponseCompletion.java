package dev.spoor.http.wrappers;

import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The response body of a traced JDK server exchange: finishes the server span once, when the
 * response is complete, whichever thread completes it. The JDK server completes a response when
 * its body stream is closed, directly or through {@code HttpExchange.close()} (which closes the
 * stream set by {@code setStreams}), or, for a response without a body, when its headers are sent.
 */
final class ResponseCompletion extends FilterOutputStream {
  // A field and a shared updater rather than an AtomicBoolean: one object less per request.
  private static final AtomicIntegerFieldUpdater<ResponseCompletion> FINISHED =
      AtomicIntegerFieldUpdater.newUpdater(ResponseCompletion.class, "finished");

  private final HttpExchange exchange;
  private final PendingSpan span;
  private volatile int finished; // 1 once the span is finished

  private ResponseCompletion(HttpExchange exchange, PendingSpan span) {
    super(exchange.getResponseBody());
    this.exchange = exchange;
    this.span = span;
  }

  /** Puts a completion stream in front of the exchange's response body. */
  static ResponseCompletion install(HttpExchange exchange, PendingSpan span) {
    ResponseCompletion completion = new ResponseCompletion(exchange, span);
    exchange.setStreams(null, completion);
    return completion;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length); // FilterOutputStream would write byte by byte
  }

  @Override
  public void close() throws IOException {
    IOException error = null;
    try {
      out.close();
    } catch (IOException e) {
      error = e;
      throw e;
    } finally {
      finish(error);
    }
  }

  /**
   * Called when the handler returned: finishes the span if the response is complete or the
   * handler failed; otherwise another thread completes the response later, and closing the body
   * finishes the span then.
   */
  void handlerReturned(Throwable error) {
    if (finished != 0) {
      return; // the handler closed the body: nothing left to decide (or to look up in headers)
    }
    if (error != null || hasNoBodyToCome()) {
      finish(error);
    }
  }

  /*
   * Headers sent for a response whose body is empty by rule: HEAD, 1xx, 204, 304, or a length of
   * -1 in sendResponseHeaders, which the JDK server writes as "Content-length: 0" (RFC 9110 §6.4.1).
   */
  private boolean hasNoBodyToCome() {
    int status = exchange.getResponseCode();
    if (status < 0) {
      return false; // no response yet: it is being produced elsewhere
    }
    return status < 200 || status == 204 || status == 304
        || "HEAD".equalsIgnoreCase(exchange.getRequestMethod())
        || "0".equals(exchange.getResponseHeaders().getFirst("Content-length"));
  }

  private void finish(Throwable error) {
    if (FINISHED.compareAndSet(this, 0, 1)) {
      span.finish(Math.max(0, exchange.getResponseCode()), error);
    }
  }
}
