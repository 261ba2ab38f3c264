package dev.spoor.http.wrappers;

import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * What a Jaeger agent does with a datagram, done by the real peer: a UDP socket on 127.0.0.1 whose
 * datagrams go through jaeger-thrift's generated {@code Agent.Processor} over libthrift's compact
 * protocol, which calls {@link Agent.Iface#emitBatch} with the decoded batch.
 */
final class JaegerAgentStandIn implements Agent.Iface, AutoCloseable {
  private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);

  private final DatagramSocket socket;
  private final Agent.Processor<JaegerAgentStandIn> processor = new Agent.Processor<>(this);
  private final List<Batch> batches = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final Thread thread;

  JaegerAgentStandIn() throws SocketException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = new Thread(this::serve, "jaeger-agent-stand-in");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    byte[] buffer = new byte[65_000];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    while (true) {
      try {
        packet.setLength(buffer.length);
        socket.receive(packet);
      } catch (IOException closed) {
        return;
      }
      try {
        processor.process(
            new TCompactProtocol(new TMemoryInputTransport(buffer, 0, packet.getLength())),
            new TCompactProtocol(new TMemoryBuffer(64)));
      } catch (TException | RuntimeException e) {
        failures.add(e);
      }
    }
  }

  @Override
  public void emitBatch(Batch batch) {
    batches.add(batch);
  }

  @Override
  public void emitZipkinBatch(List<com.twitter.zipkin.thriftjava.Span> spans) {
    failures.add(new AssertionError("a Zipkin batch where a Jaeger batch was expected"));
  }

  /**
   * Waits until {@code count} spans have arrived and returns every batch; fails on a datagram
   * libthrift could not decode, or after the deadline.
   */
  List<Batch> awaitSpans(int count) {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (true) {
      if (!failures.isEmpty()) {
        throw new AssertionError("undecodable datagram", failures.get(0));
      }
      List<Batch> received = new ArrayList<>(batches);
      int spans = 0;
      for (Batch batch : received) {
        spans += batch.getSpansSize();
      }
      if (spans >= count) {
        return received;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("expected " + count + " spans, received " + spans);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // poll, leaving the CPU to others
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join(TimeUnit.NANOSECONDS.toMillis(DEADLINE_NANOS));
  }
}
