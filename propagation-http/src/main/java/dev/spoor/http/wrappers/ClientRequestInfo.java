package dev.spoor.http.wrappers;

import io.opentracing.Span;
import java.net.http.HttpRequest;

/** A {@code java.net.http} request, as the wrappers and the user's hooks see it. */
final class ClientRequestInfo extends HttpRequestInfo {
  private final HttpRequest request;

  ClientRequestInfo(HttpRequest request) {
    this.request = request;
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public String path() {
    return pathOrRoot(request.uri().getRawPath());
  }

  @Override
  public String url() {
    return UriTags.url(request.uri());
  }

  @Override
  public String header(String name) {
    return request.headers().firstValue(name).orElse(null);
  }

  @Override
  public HttpRequest unwrap() {
    return request;
  }

  @Override
  void tagPeer(Span span) {
    UriTags.tagPeer(span, request.uri());
  }
}
