package dev.spoor.reporter;

import dev.spoor.internal.RateLimitedLogger;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends datagrams to the agent's {@code host:port} through a connected {@link DatagramSocket}.
 * The host is resolved on the first send, not at construction, so a name that does not resolve
 * yet (the agent's container is still starting) never fails the application; after any failure
 * the socket is closed and the next send resolves and connects again, so the sender follows the
 * agent when it comes back or moves.
 *
 * <p>A {@code DatagramSocket}, not a {@code DatagramChannel}: a channel is interruptible, so an
 * interrupt of the reporter's thread during a write would close it and lose (or miscount) the
 * datagram; a socket ignores interrupts. The price is one copy of the datagram's parts into a
 * reused array per datagram, a few microseconds for hundreds of spans.
 *
 * <p>Connecting makes the kernel report an ICMP port unreachable (no agent listening) as a
 * {@link java.net.PortUnreachableException} on a later send. Every failure is counted in
 * {@link Metric#SEND_FAILURES} and logged at most once per interval; none is thrown. Used by the
 * reporter's one thread only.
 */
final class UdpSender {
  private static final Logger LOG = LoggerFactory.getLogger(UdpSender.class);

  private final String host;
  private final int port;
  private final SpoorMetrics metrics;
  private final RateLimitedLogger warnings;
  private DatagramSocket socket;
  private byte[] datagram = new byte[0];
  private DatagramPacket packet = new DatagramPacket(datagram, 0);

  UdpSender(String host, int port, SpoorMetrics metrics, long warnIntervalMillis) {
    this.host = host;
    this.port = port;
    this.metrics = metrics;
    this.warnings = new RateLimitedLogger(LOG, warnIntervalMillis, TimeUnit.MILLISECONDS);
  }

  /** Sends {@code parts} as one datagram; false (counted, logged) when it could not be sent. */
  boolean send(ByteBuffer[] parts) {
    try {
      if (socket == null) {
        socket = connect();
        if (socket == null) {
          return false;
        }
      }
      socket.send(gather(parts));
      return true;
    } catch (IOException | RuntimeException e) {
      metrics.increment(Metric.SEND_FAILURES);
      warnings.warn("Sending spans to the Jaeger agent at {}:{} failed: {}", host, port,
          e.toString());
      closeSocket();
      return false;
    }
  }

  /** Copies the parts, one after the other, into the reused datagram array. */
  private DatagramPacket gather(ByteBuffer[] parts) {
    int length = 0;
    for (ByteBuffer part : parts) {
      length += part.remaining();
    }
    if (datagram.length < length) {
      datagram = new byte[length];
      packet = new DatagramPacket(datagram, length);
    }
    int at = 0;
    for (ByteBuffer part : parts) {
      int remaining = part.remaining();
      part.duplicate().get(datagram, at, remaining);
      at += remaining;
    }
    packet.setData(datagram, 0, length);
    return packet;
  }

  private DatagramSocket connect() throws IOException {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      metrics.increment(Metric.SEND_FAILURES);
      warnings.warn("Cannot resolve the Jaeger agent host {}; spans are dropped until it resolves",
          host);
      return null;
    }
    DatagramSocket opened = new DatagramSocket();
    try {
      opened.connect(address);
      return opened;
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  /** Releases the socket; a later send opens a new one. */
  void close() {
    closeSocket();
  }

  private void closeSocket() {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }

  @Override
  public String toString() {
    return "UdpSender{" + host + ":" + port + "}";
  }
}
