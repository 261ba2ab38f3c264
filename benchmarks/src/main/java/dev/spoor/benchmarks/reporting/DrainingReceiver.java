package dev.spoor.benchmarks.reporting;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;

/**
 * The stand-in for a Jaeger agent: a UDP socket on 127.0.0.1 and a daemon thread that reads
 * datagrams from it as fast as it can, counting them and their bytes and keeping a copy of the
 * first one only (so that tests can decode it). It reads into one reused direct buffer, so that
 * its allocations do not count against the senders measured.
 */
final class DrainingReceiver implements AutoCloseable {
  /** Larger than any datagram (65,507 bytes of IPv4 UDP payload). */
  private static final int BUFFER_SIZE = 65536;
  /** Asked for, to absorb bursts; the kernel may grant less ({@code net.core.rmem_max}). */
  private static final int RECEIVE_BUFFER_BYTES = 8 << 20;

  private final DatagramChannel channel;
  private final Thread thread;
  private volatile long datagrams;
  private volatile long bytes;
  private volatile byte[] firstDatagram;

  private DrainingReceiver(DatagramChannel channel) {
    this.channel = channel;
    this.thread = new Thread(this::drain, "draining-receiver");
    thread.setDaemon(true);
  }

  /** Binds an ephemeral port on 127.0.0.1 and starts draining it. */
  static DrainingReceiver start() throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
      channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    DrainingReceiver receiver = new DrainingReceiver(channel);
    receiver.thread.start();
    return receiver;
  }

  /** The port the senders send to. */
  int port() throws IOException {
    return ((InetSocketAddress) channel.getLocalAddress()).getPort();
  }

  /** Datagrams received so far. */
  long datagrams() {
    return datagrams;
  }

  /** Payload bytes received so far. */
  long bytes() {
    return bytes;
  }

  /** A copy of the first datagram received, or null before it arrives. */
  byte[] firstDatagram() {
    return firstDatagram;
  }

  private void drain() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    try {
      while (true) {
        buffer.clear();
        channel.receive(buffer);
        buffer.flip();
        if (firstDatagram == null) {
          byte[] copy = new byte[buffer.remaining()];
          buffer.get(copy);
          firstDatagram = copy;
        }
        bytes += buffer.limit(); // one writer: a plain increment of a volatile is safe
        datagrams++;
      }
    } catch (ClosedChannelException e) {
      // close() ends the loop
    } catch (IOException e) {
      throw new IllegalStateException("receiving failed", e);
    }
  }

  /** Stops the thread and releases the socket. */
  @Override
  public void close() throws IOException {
    channel.close();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "DrainingReceiver{datagrams=" + datagrams + ", bytes=" + bytes + ", first="
        + (firstDatagram == null ? "none" : Arrays.toString(Arrays.copyOf(firstDatagram, 8)))
        + "}";
  }
}
