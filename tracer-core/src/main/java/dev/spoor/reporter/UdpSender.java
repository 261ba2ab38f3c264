package dev.spoor.reporter;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Sends Jaeger Thrift compact {@code emitBatch} datagrams to a Jaeger agent (or anything that
 * takes its protocol: the OpenTelemetry Collector's jaeger receiver, Jaeger v2's collector,
 * Grafana Tempo) through a connected {@link DatagramSocket}: {@link RemoteReporter}'s default
 * transport. Build one with {@link #builder()}.
 *
 * <p>The host is resolved on the first send, not at construction, so a name that does not
 * resolve yet (the agent's container is still starting) never fails the application; after any
 * failure the socket is closed and the next send resolves and connects again, so the sender
 * follows the agent when it comes back or moves.
 *
 * <p>A {@code DatagramSocket}, not a {@code DatagramChannel}: a channel is interruptible, so an
 * interrupt of the reporter's thread during a write would close it and lose (or miscount) the
 * datagram; a socket ignores interrupts. A message of one part backed by an array (what {@link
 * RemoteReporter} hands it) is sent from that array as it is; a message of several parts is first
 * copied into a reused array.
 *
 * <p>Connecting makes the kernel report an ICMP port unreachable (no agent listening) as a
 * {@link java.net.PortUnreachableException} on a later send. Failures are answered as {@link
 * SendResult.Status#FAILED} (a datagram is not worth retrying), never thrown.
 */
public final class UdpSender implements Sender {
  private final String host;
  private final int port;
  private final int maxPacketSize;
  private DatagramSocket socket;
  private byte[] datagram = new byte[0];
  private DatagramPacket packet = new DatagramPacket(datagram, 0);

  private UdpSender(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.maxPacketSize = builder.maxPacketSize;
  }

  /** A builder with the defaults listed on {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Encoding encoding() {
    return Encoding.JAEGER_THRIFT_COMPACT;
  }

  @Override
  public int maxMessageBytes() {
    return maxPacketSize;
  }

  /** Sends {@code message} as one datagram. */
  @Override
  public SendResult send(ByteBuffer[] message) {
    try {
      if (socket == null) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
          return SendResult.failed("cannot resolve the Jaeger agent host " + host
              + "; spans are dropped until it resolves");
        }
        socket = connect(address);
      }
      socket.send(gather(message));
      return SendResult.SENT;
    } catch (IOException | RuntimeException e) {
      closeSocket();
      return SendResult.failed(e.toString());
    } finally {
      packet.setData(datagram, 0, 0); // keep no caller's array (perhaps a huge one) alive
    }
  }

  /**
   * The packet for {@code parts}: a one-part message's own array, else the parts copied one after
   * the other into the reused datagram array.
   */
  private DatagramPacket gather(ByteBuffer[] parts) {
    if (parts.length == 1 && parts[0].hasArray()) {
      ByteBuffer whole = parts[0];
      packet.setData(whole.array(), whole.arrayOffset() + whole.position(), whole.remaining());
      return packet;
    }
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

  private static DatagramSocket connect(InetSocketAddress address) throws IOException {
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
  @Override
  public void close() {
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
    return "UdpSender{agent=" + host + ":" + port + ", maxPacketSize=" + maxPacketSize + "}";
  }

  /**
   * Configures a {@link UdpSender}. The defaults, as in jaeger-client-java: agent host {@code
   * localhost}, port {@code 6831} (the agent's compact Thrift port), max packet size 65000 bytes
   * (the agent's default UDP buffer).
   */
  public static final class Builder {
    private String host = "localhost";
    private int port = 6831;
    private int maxPacketSize = 65000;

    private Builder() {}

    /** The agent's host name or address, resolved when the first datagram is sent. */
    public Builder agentHost(String host) {
      if (host == null) {
        throw new NullPointerException("host == null");
      }
      if (host.trim().isEmpty()) {
        throw new IllegalArgumentException("host is blank");
      }
      this.host = host.trim();
      return this;
    }

    /** The agent's UDP port for compact Thrift (default 6831). */
    public Builder agentPort(int port) {
      this.port = Checks.range("port", port, 1, 65535);
      return this;
    }

    /**
     * The largest datagram, in bytes (default 65000; at most 65507, the IPv4 UDP payload limit;
     * at least 1024).
     */
    public Builder maxPacketSize(int maxPacketSize) {
      this.maxPacketSize = Checks.range("maxPacketSize", maxPacketSize, 1024, 65507);
      return this;
    }

    /** Builds the sender; nothing is resolved or connected yet. */
    public UdpSender build() {
      return new UdpSender(this);
    }
  }
}
