package dev.spoor.http.wrappers;

import io.opentracing.Span;

/**
 * A read-only view of an HTTP request, the same for every server and client wrapper, given to
 * {@link OperationNamer} and {@link HttpSpanDecorator}. {@link #unwrap()} returns the native request
 * (an {@code HttpExchange}, {@code HttpServletRequest}, {@code java.net.http.HttpRequest} or
 * {@code HttpURLConnection}) for anything else.
 */
public abstract class HttpRequestInfo {
  HttpRequestInfo() {}

  /** The request method, e.g. {@code GET}. */
  public abstract String method();

  /** The path of the request URI, undecoded, without the query; {@code /} when empty. */
  public abstract String path();

  /**
   * The route pattern the request matched on the server (the JDK {@code HttpContext} path or the
   * servlet mapping pattern), or null when unknown (always on the client side).
   */
  public String route() {
    return null;
  }

  /**
   * The request URL as tagged in {@code http.url}: without user-info, with the values of well-known
   * credential query parameters redacted.
   */
  public abstract String url();

  /** The first value of the request header {@code name} (case-insensitive), or null. */
  public abstract String header(String name);

  /** The native request object this view reads from. */
  public abstract Object unwrap();

  /** {@code rawPath}, or {@code /} when it is null or empty (as in {@code http://host}). */
  static String pathOrRoot(String rawPath) {
    return rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
  }

  /** Sets the {@code peer.*} tags this request knows without a DNS lookup. */
  abstract void tagPeer(Span span);

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + method() + " " + url() + "}";
  }
}
