package dev.spoor.http.wrappers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.opentracing.Scope;
import io.opentracing.Tracer;
import java.io.IOException;

/**
 * Traces a JDK {@code com.sun.net.httpserver} handler: each request gets a {@code server} span,
 * child of the context in its headers, active (and in the MDC) while the handler runs, finished
 * when the response completes: when its body is closed (directly or by {@code exchange.close()}),
 * or when the handler returns a response without a body, or throws. A handler that hands the
 * exchange to another thread and returns early gets a span that ends with that thread's response.
 * What the handler throws is tagged and rethrown unchanged.
 *
 * <pre>{@code
 * server.createContext("/orders", TracingHttpHandler.create(tracer, ordersHandler));
 * }</pre>
 */
public final class TracingHttpHandler implements HttpHandler {
  /** The {@code component} tag of the spans. */
  public static final String COMPONENT = "java-httpserver";

  private final HttpHandler delegate;
  private final HttpSpanLifecycle lifecycle;

  private TracingHttpHandler(HttpTracing tracing, HttpHandler delegate) {
    this.delegate = delegate;
    this.lifecycle = HttpSpanLifecycle.server(tracing, COMPONENT);
  }

  /**
   * Wraps {@code delegate} with default tracing through {@code tracer}.
   *
   * @throws NullPointerException when an argument is null
   */
  public static TracingHttpHandler create(Tracer tracer, HttpHandler delegate) {
    return create(HttpTracing.create(tracer), delegate);
  }

  /**
   * Wraps {@code delegate}, tracing as {@code tracing} says.
   *
   * @throws NullPointerException when an argument is null
   */
  public static TracingHttpHandler create(HttpTracing tracing, HttpHandler delegate) {
    return new TracingHttpHandler(Arguments.checkNotNull(tracing, "tracing"),
        Arguments.checkNotNull(delegate, "delegate"));
  }

  /** Runs the wrapped handler inside a server span. */
  @Override
  public void handle(HttpExchange exchange) throws IOException {
    HttpRequestInfo request = new ExchangeRequestInfo(exchange);
    PendingSpan span =
        lifecycle.startServer(request, new ExchangeHeaders(exchange.getRequestHeaders()));
    ResponseCompletion completion = ResponseCompletion.install(exchange, span);
    Scope scope = lifecycle.activate(span.span());
    Throwable error = null;
    try {
      delegate.handle(exchange);
    } catch (Throwable e) {
      error = e;
      throw e;
    } finally {
      lifecycle.deactivate(scope);
      completion.handlerReturned(error);
    }
  }

  @Override
  public String toString() {
    return "TracingHttpHandler{" + delegate + "}";
  }
}
