package dev.spoor.http.wrappers;

/**
 * Decides whether a {@code Host} header can go into {@code http.url}. It comes from the client, so
 * anything that is not {@code host[:port]} (RFC 9110 §7.2) is not trusted into a URL.
 */
final class HostHeader {
  private static final int MAX_LENGTH = 261; // 255 for a DNS name, ':' and a 5-digit port

  private HostHeader() {}

  static boolean isPlausible(String host) {
    int length = host.length();
    if (length == 0 || length > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = host.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '-' || c == ':' || c == '[' || c == ']' || c == '_';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
