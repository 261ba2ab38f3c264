package dev.spoor.http.wrappers;

import io.opentracing.Span;
import java.net.URI;

/** The URL and peer tags of a client request, read from its target URI. */
final class UriTags {
  private UriTags() {}

  /** The URI without user-info or fragment, credential query values redacted. */
  static String url(URI uri) {
    String unchanged = unchangedUrl(uri);
    if (unchanged != null) {
      return unchanged;
    }
    String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
    return UrlSanitizer.url(scheme, uri.getHost(), uri.getPort(), uri.getRawPath(),
        uri.getRawQuery());
  }

  /**
   * The URI's own string (which {@code URI} keeps) when it is already what {@link #url} would
   * build: a scheme, a host and a path, and no user-info, query or fragment. Its parts then come in
   * the order {@code url} writes them, so equal length means equal text; a spelling that
   * {@code url} would change (an empty or zero-padded port) has a different length. Null
   * otherwise.
   */
  private static String unchangedUrl(URI uri) {
    String scheme = uri.getScheme();
    String host = uri.getHost();
    String rawPath = uri.getRawPath();
    if (scheme == null || host == null || rawPath == null || rawPath.isEmpty()
        || uri.getRawUserInfo() != null || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      return null;
    }
    int port = uri.getPort();
    int length = scheme.length() + 3 + host.length() + rawPath.length()
        + (port >= 0 ? 1 + decimalDigits(port) : 0);
    String text = uri.toString();
    return text.length() == length ? text : null;
  }

  private static int decimalDigits(int value) {
    int digits = 1;
    for (int rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    return digits;
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
