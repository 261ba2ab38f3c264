package dev.spoor.http.wrappers;

import io.opentracing.Span;
import java.net.HttpURLConnection;
import java.net.URISyntaxException;
import java.net.URL;

/** An {@code HttpURLConnection}'s request, as the wrappers and the user's hooks see it. */
final class UrlConnectionRequestInfo extends HttpRequestInfo {
  private final HttpURLConnection connection;

  UrlConnectionRequestInfo(HttpURLConnection connection) {
    this.connection = connection;
  }

  @Override
  public String method() {
    return connection.getRequestMethod();
  }

  @Override
  public String path() {
    return pathOrRoot(connection.getURL().getPath());
  }

  @Override
  public String url() {
    URL url = connection.getURL();
    try {
      return UriTags.url(url.toURI());
    } catch (URISyntaxException e) {
      // Lenient URLs (spaces, unescaped characters) still go out; tag them from their parts.
      return UrlSanitizer.url(url.getProtocol(), url.getHost(), url.getPort(), url.getPath(),
          url.getQuery());
    }
  }

  /** The request property, or null once the connection is connected and they are sealed. */
  @Override
  public String header(String name) {
    try {
      return connection.getRequestProperty(name);
    } catch (IllegalStateException connected) {
      return null;
    }
  }

  @Override
  public HttpURLConnection unwrap() {
    return connection;
  }

  @Override
  void tagPeer(Span span) {
    URL url = connection.getURL();
    int port = url.getPort() >= 0 ? url.getPort() : url.getDefaultPort();
    PeerTags.tagHost(span, url.getHost(), port);
  }
}
