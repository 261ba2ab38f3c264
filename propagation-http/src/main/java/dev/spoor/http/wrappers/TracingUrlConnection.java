package dev.spoor.http.wrappers;

import io.opentracing.Tracer;
import java.io.IOException;
import java.net.HttpURLConnection;

/**
 * Traces exchanges made with {@code HttpURLConnection}, which cannot be wrapped: hand it a
 * connection that is opened and configured (its request method set) but not yet connected, and
 * the code that uses it. The span is named and tagged from the connection as it is handed over.
 *
 * <pre>{@code
 * TracingUrlConnection tracing = TracingUrlConnection.create(tracer);
 * HttpURLConnection connection = (HttpURLConnection) url.openConnection();
 * connection.setRequestMethod("POST");
 * int status = tracing.execute(connection, c -> {
 *   try (OutputStream out = c.getOutputStream()) { out.write(body); }
 *   return c.getResponseCode();
 * });
 * }</pre>
 *
 * <p>The {@code client} span is a child of the active span; its context goes into the request
 * properties before the exchange runs. After the exchange returns, the span takes the status from
 * {@code getResponseCode()} (which sends the request if the exchange did not). If the exchange
 * throws, the span records the exception only: asking the connection for a status then could
 * connect again. Read {@code getResponseCode()} before {@code getInputStream()} (which throws for
 * 4xx and 5xx) to have the status tagged.
 */
public final class TracingUrlConnection {
  /** The {@code component} tag of the spans. */
  public static final String COMPONENT = "java-httpurlconnection";

  private final HttpSpanLifecycle lifecycle;

  private TracingUrlConnection(HttpTracing tracing) {
    this.lifecycle = HttpSpanLifecycle.client(tracing, COMPONENT);
  }

  /**
   * Default tracing through {@code tracer}.
   *
   * @throws NullPointerException when {@code tracer} is null
   */
  public static TracingUrlConnection create(Tracer tracer) {
    return create(HttpTracing.create(tracer));
  }

  /**
   * Tracing as {@code tracing} says.
   *
   * @throws NullPointerException when {@code tracing} is null
   */
  public static TracingUrlConnection create(HttpTracing tracing) {
    return new TracingUrlConnection(Arguments.checkNotNull(tracing, "tracing"));
  }

  /**
   * Runs {@code exchange} on {@code connection} inside a client span and returns its result; what
   * it throws is tagged and rethrown unchanged.
   *
   * @throws NullPointerException when an argument is null
   * @throws IOException what {@code exchange} throws
   */
  public <T> T execute(HttpURLConnection connection, Exchange<T> exchange) throws IOException {
    Arguments.checkNotNull(connection, "connection");
    Arguments.checkNotNull(exchange, "exchange");
    HttpRequestInfo info = new UrlConnectionRequestInfo(connection);
    PendingSpan span = lifecycle.startClient(info, new ConnectionHeaders(connection));
    T result;
    try {
      result = exchange.run(connection);
    } catch (Throwable e) {
      span.finish(0, e);
      throw e;
    }
    int status;
    try {
      status = connection.getResponseCode();
    } catch (IOException e) {
      // The application's exchange succeeded; this failure is only the span's to record.
      span.finish(0, e);
      return result;
    }
    span.finish(Math.max(0, status), null);
    return result;
  }

  /**
   * The application's use of a connection: write the body, read the status and the response.
   *
   * @param <T> what the exchange returns to the caller
   */
  @FunctionalInterface
  public interface Exchange<T> {
    /** Uses {@code connection}; runs inside the client span. */
    T run(HttpURLConnection connection) throws IOException;
  }

  @Override
  public String toString() {
    return "TracingUrlConnection{" + lifecycle + "}";
  }
}
