package dev.spoor.http.wrappers;

import io.opentracing.Span;
import java.net.URI;

/** The URL and peer tags of a client request, read from its target URI. */
final class UriTags {
  private UriTags() {}

  /** The URI without user-info or fragment, credential query values redacted. */
  static String url(URI uri) {
    String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
    return UrlSanitizer.url(scheme, uri.getHost(), uri.getPort(), uri.getRawPath(),
        uri.getRawQuery());
  }

  /** The host as addressed, and the port, defaulted from the scheme when the URI has none. */
  static void tagPeer(Span span, URI uri) {
    int port = uri.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
    PeerTags.tagHost(span, uri.getHost(), port);
  }
}
