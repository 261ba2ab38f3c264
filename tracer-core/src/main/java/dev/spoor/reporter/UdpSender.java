package dev.spoor.reporter;

import dev.spoor.internal.RateLimitedLogger;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends datagrams to the agent's {@code host:port} through a connected {@link DatagramChannel}.
 * The host is resolved on the first send, not at construction, so a name that does not resolve
 * yet (the agent's container is still starting) never fails the application; after any failure
 * the channel is closed and the next send resolves and connects again, so the sender follows the
 * agent when it comes back or moves.
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
  private DatagramChannel channel;

  UdpSender(String host, int port, SpoorMetrics metrics, long warnIntervalMillis) {
    this.host = host;
    this.port = port;
    this.metrics = metrics;
    this.warnings = new RateLimitedLogger(LOG, warnIntervalMillis, TimeUnit.MILLISECONDS);
  }

  /** Sends {@code parts} as one datagram; false (counted, logged) when it could not be sent. */
  boolean send(ByteBuffer[] parts) {
    // A DatagramChannel is interruptible: an interrupt pending at write() closes it and loses the
    // datagram (or throws after the datagram left, so it would be counted as failed). Only
    // close() stops the reporter's thread, and it does not interrupt: stray interrupts are dropped.
    Thread.interrupted();
    try {
      if (channel == null) {
        channel = connect();
        if (channel == null) {
          return false;
        }
      }
      channel.write(parts);
      return true;
    } catch (IOException | RuntimeException e) {
      metrics.increment(Metric.SEND_FAILURES);
      warnings.warn("Sending spans to the Jaeger agent at {}:{} failed: {}", host, port,
          e.toString());
      closeChannel();
      return false;
    }
  }

  private DatagramChannel connect() throws IOException {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      metrics.increment(Metric.SEND_FAILURES);
      warnings.warn("Cannot resolve the Jaeger agent host {}; spans are dropped until it resolves",
          host);
      return null;
    }
    DatagramChannel opened = DatagramChannel.open();
    try {
      opened.connect(address);
      return opened;
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  /** Releases the socket; a later send opens a new one. */
  void close() {
    closeChannel();
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("Closing the UDP channel failed", e);
      }
      channel = null;
    }
  }

  @Override
  public String toString() {
    return "UdpSender{" + host + ":" + port + "}";
  }
}
