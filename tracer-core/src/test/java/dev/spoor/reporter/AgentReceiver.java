package dev.spoor.reporter;

import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Span;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * A stand-in Jaeger agent: a real UDP socket on 127.0.0.1 whose datagrams are decoded by the real
 * peer, libthrift's TCompactProtocol and jaeger-thrift's generated {@code Agent.emitBatch_args}.
 * A daemon thread only copies datagrams off the socket, so the kernel buffer never overflows
 * (unless the agent is made {@linkplain #slow slow} on purpose). Public for the reliability tests.
 */
public final class AgentReceiver implements AutoCloseable {
  /** How long any wait for datagrams may take before the test fails. */
  public static final long DEADLINE_MILLIS = 20_000;

  private final DatagramSocket socket;
  private final BlockingQueue<byte[]> datagrams = new LinkedBlockingQueue<>();
  private final List<Integer> datagramSizes = new ArrayList<>();
  private final List<Batch> batches = new ArrayList<>();
  private final Thread thread;
  private final long pauseNanos;

  /** An agent on an ephemeral port. */
  public AgentReceiver() throws SocketException {
    this(0);
  }

  /** An agent on {@code port}, e.g. one that comes back where an earlier one was. */
  public AgentReceiver(int port) throws SocketException {
    this(port, 4 << 20, 0);
  }

  private AgentReceiver(int port, int receiveBufferSize, long pauseNanos) throws SocketException {
    this.pauseNanos = pauseNanos;
    socket = new DatagramSocket(null);
    socket.setReceiveBufferSize(receiveBufferSize);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    thread = new Thread(this::receive, "agent-receiver");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * An agent that reads slowly: a kernel receive buffer of about {@code receiveBufferSize} bytes
   * and a pause of {@code pauseNanos} after each datagram, so the kernel drops what overflows.
   */
  public static AgentReceiver slow(int receiveBufferSize, long pauseNanos)
      throws SocketException {
    return new AgentReceiver(0, receiveBufferSize, pauseNanos);
  }

  /** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
  public static int freePort() throws SocketException {
    try (DatagramSocket probe =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return probe.getLocalPort();
    }
  }

  /** The port the agent listens on. */
  public int port() {
    return socket.getLocalPort();
  }

  private void receive() {
    byte[] buffer = new byte[65536];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    while (!socket.isClosed()) {
      try {
        packet.setLength(buffer.length);
        socket.receive(packet);
        datagrams.add(Arrays.copyOf(buffer, packet.getLength()));
        if (pauseNanos > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(pauseNanos); // a slow agent, on purpose
        }
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Decodes what arrived so far; returns all spans received since the start. */
  public synchronized List<Span> spans() {
    byte[] datagram;
    while ((datagram = datagrams.poll()) != null) {
      datagramSizes.add(datagram.length);
      batches.add(decode(datagram));
    }
    List<Span> spans = new ArrayList<>();
    for (Batch batch : batches) {
      spans.addAll(batch.getSpans());
    }
    return spans;
  }

  /** Every batch received so far, decoded. */
  public synchronized List<Batch> batches() {
    spans();
    return new ArrayList<>(batches);
  }

  /** The size of every datagram received so far. */
  public synchronized List<Integer> datagramSizes() {
    spans();
    return new ArrayList<>(datagramSizes);
  }

  /** Waits until {@code count} spans have arrived; fails after the deadline. */
  public List<Span> awaitSpans(int count) {
    awaitTrue(() -> spans().size() >= count,
        () -> "expected " + count + " spans, received " + spans().size());
    return spans();
  }

  /** Decodes one datagram with libthrift; fails the test when it cannot. */
  public static Batch decode(byte[] datagram) {
    try {
      TCompactProtocol protocol = new TCompactProtocol(new TMemoryInputTransport(datagram));
      TMessage message = protocol.readMessageBegin();
      if (!"emitBatch".equals(message.name) || message.type != TMessageType.ONEWAY) {
        throw new AssertionError("unexpected message " + message);
      }
      Agent.emitBatch_args args = new Agent.emitBatch_args();
      args.read(protocol);
      protocol.readMessageEnd();
      return args.getBatch();
    } catch (TException e) {
      throw new AssertionError("libthrift cannot decode the datagram", e);
    }
  }

  /** Polls {@code condition} until true; fails with {@code message} after the deadline. */
  public static void awaitTrue(BooleanSupplier condition, Supplier<String> message) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MILLIS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(message.get());
      }
      // A short pause between checks, not a wait for the result: leaves the CPU to the reporter.
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
  }

  /** Stops listening: later datagrams are refused with ICMP port unreachable. */
  @Override
  public void close() {
    socket.close();
    try {
      thread.join(DEADLINE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
