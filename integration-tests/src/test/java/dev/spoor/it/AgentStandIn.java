package dev.spoor.it;

import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * A Jaeger agent stand-in: a UDP socket on 127.0.0.1 (ephemeral port) whose datagrams are decoded
 * by libthrift's TCompactProtocol and jaeger-thrift's generated {@code Agent.emitBatch_args}, so
 * what arrives is what a real agent would read. Its thread is a daemon and ends when closed.
 */
public final class AgentStandIn implements AutoCloseable {
  /** How long a wait for spans may take before the test fails. */
  public static final long DEADLINE_MILLIS = 30_000;

  private final DatagramSocket socket;
  private final List<byte[]> datagrams = new CopyOnWriteArrayList<>();
  private final Thread thread;

  public AgentStandIn() throws SocketException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = new Thread(this::receive, "agent-stand-in");
    thread.setDaemon(true);
    thread.start();
  }

  /** The UDP port to give {@code JAEGER_AGENT_PORT}. */
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
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Every batch received so far, decoded. */
  public List<Batch> batches() {
    List<Batch> batches = new ArrayList<>();
    for (byte[] datagram : datagrams) {
      batches.add(decode(datagram));
    }
    return batches;
  }

  /** Waits until a received batch satisfies {@code condition}; fails after the deadline. */
  public Batch awaitBatch(java.util.function.Predicate<Batch> condition, String what) {
    Batch[] found = new Batch[1];
    awaitTrue(() -> {
      for (Batch batch : batches()) {
        if (condition.test(batch)) {
          found[0] = batch;
          return true;
        }
      }
      return false;
    }, () -> "no batch with " + what + " arrived; received " + batches());
    return found[0];
  }

  private static Batch decode(byte[] datagram) {
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

  /** Polls {@code condition} until it holds; fails with {@code message} after the deadline. */
  public static void awaitTrue(BooleanSupplier condition, Supplier<String> message) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MILLIS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(message.get());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // a pause between polls
    }
  }

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
