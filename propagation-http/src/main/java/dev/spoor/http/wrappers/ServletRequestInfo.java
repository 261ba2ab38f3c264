package dev.spoor.http.wrappers;

import io.opentracing.Span;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;

/** A servlet request, as the wrappers and the user's hooks see it. */
final class ServletRequestInfo extends HttpRequestInfo {
  private final HttpServletRequest request;

  ServletRequestInfo(HttpServletRequest request) {
    this.request = request;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    return pathOrRoot(request.getRequestURI());
  }

  /** The context path and the pattern of the servlet mapping that matched, e.g. {@code /orders/*}. */
  @Override
  public String route() {
    HttpServletMapping mapping = request.getHttpServletMapping();
    if (mapping == null || mapping.getPattern() == null) {
      return null;
    }
    String contextPath = request.getContextPath();
    return contextPath == null || contextPath.isEmpty()
        ? mapping.getPattern() : contextPath + mapping.getPattern();
  }

  /** The container's request URL (which has no user-info) and the query, credentials redacted. */
  @Override
  public String url() {
    StringBuilder url = new StringBuilder(request.getRequestURL());
    String query = request.getQueryString();
    if (query != null) {
      url.append('?');
      UrlSanitizer.appendQuery(url, query);
    }
    return url.toString();
  }

  @Override
  public String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public HttpServletRequest unwrap() {
    return request;
  }

  /** {@code getRemoteAddr()} is an address literal; {@code getRemoteHost()} could cost a lookup. */
  @Override
  void tagPeer(Span span) {
    PeerTags.tagHost(span, request.getRemoteAddr(), request.getRemotePort());
  }
}
