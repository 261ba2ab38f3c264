package dev.spoor.http.wrappers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.opentracing.Span;
import java.net.InetSocketAddress;
import java.net.URI;

/** A JDK server exchange's request, as the wrappers and the user's hooks see it. */
final class ExchangeRequestInfo extends HttpRequestInfo {
  private final HttpExchange exchange;

  ExchangeRequestInfo(HttpExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public String method() {
    return exchange.getRequestMethod();
  }

  @Override
  public String path() {
    return pathOrRoot(exchange.getRequestURI().getRawPath());
  }

  /** The path of the {@code HttpContext} the handler was registered on. */
  @Override
  public String route() {
    return exchange.getHttpContext().getPath();
  }

  @Override
  public String url() {
    URI uri = exchange.getRequestURI();
    String scheme = exchange instanceof HttpsExchange ? "https" : "http";
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host != null && HostHeader.isPlausible(host)) {
      return UrlSanitizer.url(scheme, host, -1, uri.getRawPath(), uri.getRawQuery());
    }
    InetSocketAddress local = exchange.getLocalAddress();
    return UrlSanitizer.url(scheme, local.getAddress().getHostAddress(), local.getPort(),
        uri.getRawPath(), uri.getRawQuery());
  }

  @Override
  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  @Override
  public HttpExchange unwrap() {
    return exchange;
  }

  @Override
  void tagPeer(Span span) {
    PeerTags.tagRemote(span, exchange.getRemoteAddress());
  }
}
