package dev.spoor.http.wrappers;

import io.opentracing.Tracer;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A {@code java.net.http.HttpClient} that traces every exchange: a {@code client} span, child of the
 * active span, whose context is injected into the request headers; finished when the response
 * headers arrive or the exchange fails. Being an {@code HttpClient}, it replaces the original
 * wherever one is passed around:
 *
 * <pre>{@code
 * HttpClient client = TracingHttpClient.create(tracer, HttpClient.newHttpClient());
 * }</pre>
 *
 * <p>Every other method delegates to the wrapped client. Methods added to {@code HttpClient} after
 * Java 11 (such as {@code close()} in Java 21) are not overridden: close the wrapped client itself.
 * Server-pushed responses ({@code PushPromiseHandler}) are not traced.
 */
public final class TracingHttpClient extends HttpClient {
  /** The {@code component} tag of the spans. */
  public static final String COMPONENT = "java-httpclient";

  private final HttpClient delegate;
  private final HttpSpanLifecycle lifecycle;

  private TracingHttpClient(HttpTracing tracing, HttpClient delegate) {
    this.delegate = delegate;
    this.lifecycle = HttpSpanLifecycle.client(tracing, COMPONENT);
  }

  /**
   * Wraps {@code delegate} with default tracing through {@code tracer}.
   *
   * @throws NullPointerException when an argument is null
   */
  public static TracingHttpClient create(Tracer tracer, HttpClient delegate) {
    return create(HttpTracing.create(tracer), delegate);
  }

  /**
   * Wraps {@code delegate}, tracing as {@code tracing} says.
   *
   * @throws NullPointerException when an argument is null
   */
  public static TracingHttpClient create(HttpTracing tracing, HttpClient delegate) {
    return new TracingHttpClient(Arguments.checkNotNull(tracing, "tracing"),
        Arguments.checkNotNull(delegate, "delegate"));
  }

  /** The wrapped client. */
  public HttpClient delegate() {
    return delegate;
  }

  /** Sends {@code request} inside a client span, waiting for the response. */
  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpRequestInfo info = new ClientRequestInfo(request);
    OutgoingHeaders headers = new OutgoingHeaders();
    PendingSpan span = lifecycle.startClient(info, headers);
    HttpResponse<T> response;
    try {
      response = delegate.send(traced(request, headers), handler);
    } catch (Throwable e) {
      span.finish(0, e);
      throw e;
    }
    span.finish(response.statusCode(), null);
    return response;
  }

  /** Sends {@code request} inside a client span that finishes when the returned future does. */
  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return sendAsync(request, handler, null);
  }

  /**
   * Sends {@code request} inside a client span that finishes when the returned future does. The
   * future returned is the wrapped client's own, so cancelling it behaves as without tracing.
   */
  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> pushHandler) {
    HttpRequestInfo info = new ClientRequestInfo(request);
    OutgoingHeaders headers = new OutgoingHeaders();
    PendingSpan span = lifecycle.startClient(info, headers);
    HttpRequest traced = traced(request, headers);
    CompletableFuture<HttpResponse<T>> future;
    try {
      future = pushHandler == null
          ? delegate.sendAsync(traced, handler)
          : delegate.sendAsync(traced, handler, pushHandler);
    } catch (Throwable e) {
      span.finish(0, e);
      throw e;
    }
    future.whenComplete(new AsyncResponseFinisher<>(span));
    return future;
  }

  private HttpRequest traced(HttpRequest request, OutgoingHeaders headers) {
    if (headers.headers().isEmpty()) {
      return request;
    }
    try {
      return new TracedHttpRequest(request, headers.headers());
    } catch (RuntimeException e) {
      lifecycle.failures().record("adding trace headers to a request", e);
      return request;
    }
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  /** The delegate's WebSocket builder: WebSocket handshakes are not traced. */
  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }

  @Override
  public String toString() {
    return "TracingHttpClient{" + delegate + "}";
  }
}
