package dev.spoor.http.wrappers;

import java.util.Locale;
import java.util.Set;

/**
 * Builds the {@code http.url} tag value: never user-info (RFC 3986 §3.2.1 deprecates passwords in
 * it), never a fragment, and the values of well-known credential query parameters replaced by
 * {@value #REDACTED}, following OpenTelemetry's HTTP semantic conventions for {@code url.full}.
 */
final class UrlSanitizer {
  static final String REDACTED = "REDACTED";

  // Lower-case names; matched case-insensitively.
  private static final Set<String> CREDENTIAL_PARAMETERS = Set.of(
      "access_token", "id_token", "refresh_token", "api_key", "apikey", "api-key", "token",
      "password", "passwd", "secret", "client_secret", "sig", "signature", "awsaccesskeyid",
      "x-amz-signature", "x-amz-credential", "x-amz-security-token", "x-goog-signature",
      "x-goog-credential");

  private UrlSanitizer() {}

  /**
   * The URL from its parts, each already in raw (percent-encoded) form.
   *
   * @param port the port, or -1 to leave it out
   * @param rawQuery the query without {@code ?}, or null
   */
  static String url(String scheme, String host, int port, String rawPath, String rawQuery) {
    StringBuilder url = new StringBuilder(64);
    url.append(scheme).append("://");
    if (host != null) {
      url.append(host);
    }
    if (port >= 0) {
      url.append(':').append(port);
    }
    url.append(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
    if (rawQuery != null) {
      url.append('?');
      appendQuery(url, rawQuery);
    }
    return url.toString();
  }

  /** The query with credential values redacted, e.g. {@code a=1&token=REDACTED}. */
  static void appendQuery(StringBuilder out, String rawQuery) {
    int start = 0;
    int length = rawQuery.length();
    while (start <= length) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      int equals = rawQuery.indexOf('=', start);
      if (equals >= 0 && equals < end && isCredential(rawQuery, start, equals)) {
        out.append(rawQuery, start, equals + 1).append(REDACTED);
      } else {
        out.append(rawQuery, start, end);
      }
      if (end < length) {
        out.append('&');
      }
      start = end + 1;
    }
  }

  private static boolean isCredential(String query, int start, int end) {
    int length = end - start;
    if (length < 3 || length > 20) { // shortest and longest names in the set
      return false;
    }
    return CREDENTIAL_PARAMETERS.contains(query.substring(start, end).toLowerCase(Locale.ROOT));
  }
}
