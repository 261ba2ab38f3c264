package dev.spoor.benchmarks.steadyrate;

import dev.spoor.benchmarks.steadyrate.PayloadCheck.Format;
import dev.spoor.benchmarks.steadyrate.PayloadCheck.Payload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;

/**
 * A Jaeger agent's UDP port on 127.0.0.1 (compact Thrift {@code emitBatch}), drained by one
 * daemon thread that counts each datagram's spans from its list header. The socket asks for an
 * 8 MiB receive buffer (the kernel grants at most {@code net.core.rmem_max}); a datagram the
 * kernel drops because the buffer is full is not seen here, which is why the runner also reads the
 * kernel's {@code RcvbufErrors} around each case.
 */
final class JaegerUdpReceiver implements SpanReceiver {
  private static final int RECEIVE_BUFFER_BYTES = 8 << 20;

  private final DatagramChannel channel;
  private final int port;
  private final Thread thread;
  private volatile long spans;
  private volatile long payloads;
  private volatile long bytes;
  private volatile long failures;
  private volatile String firstFailure;
  private volatile Payload largestPayload;
  private int largestPayloadSpans; // the receiving thread's only

  private JaegerUdpReceiver(DatagramChannel channel) throws IOException {
    this.channel = channel;
    this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
    this.thread = new Thread(this::drain, "jaeger-udp-receiver");
    thread.setDaemon(true);
  }

  /** Binds an ephemeral port on 127.0.0.1 and starts draining it. */
  static JaegerUdpReceiver start() throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
      channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      JaegerUdpReceiver receiver = new JaegerUdpReceiver(channel);
      receiver.thread.start();
      return receiver;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private void drain() {
    ByteBuffer buffer = ByteBuffer.allocate(65536); // larger than any UDP payload
    try {
      while (true) {
        buffer.clear();
        channel.receive(buffer);
        int length = buffer.position();
        byte[] datagram = buffer.array();
        try {
          int count = SpanCounting.jaegerEmitBatch(datagram, length);
          spans += count; // one writer: a plain += of a volatile is safe
          if (count > largestPayloadSpans) { // copied only when a datagram holds more
            largestPayloadSpans = count;
            largestPayload =
                new Payload(Format.JAEGER_THRIFT_COMPACT, Arrays.copyOf(datagram, length));
          }
        } catch (Exception e) {
          if (firstFailure == null) {
            firstFailure = e.toString();
          }
          failures++;
        }
        payloads++;
        bytes += length;
      }
    } catch (ClosedChannelException e) {
      // close() ends the loop
    } catch (IOException e) {
      firstFailure = "receiving failed: " + e;
      failures++;
    }
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public long spans() {
    return spans;
  }

  @Override
  public long payloads() {
    return payloads;
  }

  @Override
  public long bytes() {
    return bytes;
  }

  @Override
  public long failures() {
    return failures;
  }

  @Override
  public String firstFailure() {
    return firstFailure;
  }

  @Override
  public Payload largestPayload() {
    return largestPayload;
  }

  @Override
  public void close() throws IOException {
    channel.close();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
