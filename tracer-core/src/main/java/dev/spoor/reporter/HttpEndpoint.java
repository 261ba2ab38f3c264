package dev.spoor.reporter;

import dev.spoor.internal.HeaderSafety;
import dev.spoor.internal.UntrustedText;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;

/** Checks of the HTTP senders' builder arguments: endpoints and header names and values. */
final class HttpEndpoint {
  private HttpEndpoint() {}

  /**
   * {@code endpoint} as a URL: absolute http or https with a host, and without user info (a
   * password in a URL would end up in logs; the senders take credentials as headers).
   */
  static URL parse(String name, String endpoint) {
    Checks.notNull(name, endpoint);
    URI uri;
    try {
      uri = new URI(endpoint.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(name + " must be an http:// or https:// URL");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(name + " has no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(name + " must not hold credentials (user info); "
          + "give them to the sender's builder instead");
    }
    try {
      return uri.toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not a URL: " + e.getMessage());
    }
  }

  /** Scheme, host, port and path only: what a log line or toString may show of an endpoint. */
  static String describe(URL url) {
    return url.getProtocol() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":"
        + url.getPort()) + url.getPath();
  }

  /** Fails, naming the header but never its value, unless name and value are legal HTTP. */
  static void checkHeader(String name, String value) {
    if (name == null || !HeaderSafety.isToken(name)) {
      throw new IllegalArgumentException("header name '"
          + UntrustedText.forLog(name, UntrustedText.QUOTED_VALUE_LENGTH) + "' is not an HTTP token");
    }
    if (value == null || !HeaderSafety.isVisibleAscii(value)) {
      throw new IllegalArgumentException("the value of header " + name
          + " is null or holds characters not allowed in HTTP (control or non-ASCII)");
    }
  }
}
