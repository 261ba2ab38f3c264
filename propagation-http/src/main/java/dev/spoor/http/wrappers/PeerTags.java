package dev.spoor.http.wrappers;

import io.opentracing.Span;
import io.opentracing.tag.Tags;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The {@code peer.*} tags of the OpenTracing semantic conventions, from what a request already
 * knows: never a DNS lookup, forward or reverse.
 */
final class PeerTags {
  private PeerTags() {}

  /**
   * Tags the other side by the host it was addressed as: {@code peer.hostname}, or {@code peer.ipv4}
   * / {@code peer.ipv6} when {@code host} is an address literal; and {@code peer.port} when known.
   */
  static void tagHost(Span span, String host, int port) {
    if (host != null && !host.isEmpty()) {
      if (host.charAt(0) == '[' || host.indexOf(':') >= 0) {
        span.setTag(Tags.PEER_HOST_IPV6.getKey(), stripBrackets(host));
      } else if (isIpv4Literal(host)) {
        span.setTag(Tags.PEER_HOST_IPV4.getKey(), host);
      } else {
        span.setTag(Tags.PEER_HOSTNAME.getKey(), host);
      }
    }
    if (port > 0) {
      span.setTag(Tags.PEER_PORT.getKey(), port);
    }
  }

  /**
   * Tags the other side of an accepted connection by its address: {@code peer.ipv4} or
   * {@code peer.ipv6}, and {@code peer.port}. The address is never resolved to a name.
   */
  static void tagRemote(Span span, InetSocketAddress remote) {
    if (remote == null) {
      return;
    }
    InetAddress address = remote.getAddress();
    if (address instanceof Inet6Address) {
      span.setTag(Tags.PEER_HOST_IPV6.getKey(), address.getHostAddress());
    } else if (address != null) {
      span.setTag(Tags.PEER_HOST_IPV4.getKey(), address.getHostAddress());
    }
    span.setTag(Tags.PEER_PORT.getKey(), remote.getPort());
  }

  /** True for dotted-quad text such as {@code 127.0.0.1}; cheap, no parsing into bytes. */
  static boolean isIpv4Literal(String host) {
    int dots = 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return dots == 3;
  }

  private static String stripBrackets(String host) {
    return host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']'
        ? host.substring(1, host.length() - 1) : host;
  }
}
