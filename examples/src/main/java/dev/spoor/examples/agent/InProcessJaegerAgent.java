package dev.spoor.examples.agent;

import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Span;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.thrift.TException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the Jaeger agent's compact Thrift UDP endpoint (port 6831), run inside the demo
 * so that spans reach the terminal the same way they reach a real Jaeger: as datagrams.
 *
 * <p>It listens on 127.0.0.1 (an ephemeral port unless told otherwise), decodes every datagram on
 * a daemon thread with libthrift and jaeger-thrift, and keeps the batches and their spans grouped
 * by trace id. Callers wait for results with the {@code await} methods, which block on the
 * arrival of datagrams up to a deadline. Datagrams that do not decode are counted and logged, never
 * silently ignored. Close it to stop the thread and free the port.
 */
public final class InProcessJaegerAgent implements AutoCloseable {
  /** Largest UDP payload; a bigger datagram cannot exist, so no batch is ever truncated here. */
  private static final int MAX_DATAGRAM_BYTES = 65_535;
  /** Asked of the kernel so a burst from several tracers is not dropped before it is read. */
  private static final int RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

  private static final Logger logger = LoggerFactory.getLogger(InProcessJaegerAgent.class);

  private final DatagramSocket socket;
  private final Thread receiver;
  private final Object lock = new Object();
  // Guarded by lock.
  private final List<Batch> batches = new ArrayList<>();
  private final Map<TraceKey, List<ReceivedSpan>> spansByTrace = new LinkedHashMap<>();
  private int spanCount;
  private long datagramsReceived;
  private long datagramsRejected;
  private boolean closed;

  private InProcessJaegerAgent(DatagramSocket socket) {
    this.socket = socket;
    this.receiver = new Thread(this::receiveUntilClosed, "in-process-jaeger-agent");
    this.receiver.setDaemon(true);
  }

  /** Starts an agent on 127.0.0.1 and a free port chosen by the system; see {@link #port()}. */
  public static InProcessJaegerAgent start() throws IOException {
    return start(0);
  }

  /**
   * Starts an agent on 127.0.0.1:{@code port}; 0 picks a free port.
   *
   * @throws IOException when the port cannot be bound
   */
  public static InProcessJaegerAgent start(int port) throws IOException {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    try {
      socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
    } catch (IOException e) {
      logger.debug("kept the default receive buffer size", e);
    }
    InProcessJaegerAgent agent = new InProcessJaegerAgent(socket);
    agent.receiver.start();
    return agent;
  }

  /** The loopback host the agent listens on, for {@code JAEGER_AGENT_HOST}. */
  public String host() {
    return socket.getLocalAddress().getHostAddress();
  }

  /** The UDP port the agent listens on, for {@code JAEGER_AGENT_PORT}. */
  public int port() {
    return socket.getLocalPort();
  }

  /** Every batch decoded so far, in arrival order (copies). */
  public List<Batch> batches() {
    synchronized (lock) {
      List<Batch> copies = new ArrayList<>(batches.size());
      for (Batch batch : batches) {
        copies.add(new Batch(batch));
      }
      return copies;
    }
  }

  /** Every span decoded so far, in arrival order. */
  public List<ReceivedSpan> spans() {
    synchronized (lock) {
      List<ReceivedSpan> all = new ArrayList<>(spanCount);
      for (List<ReceivedSpan> trace : spansByTrace.values()) {
        all.addAll(trace);
      }
      return all;
    }
  }

  /** A snapshot of every trace seen so far, in order of the arrival of its first span. */
  public List<AssembledTrace> traces() {
    synchronized (lock) {
      List<AssembledTrace> traces = new ArrayList<>(spansByTrace.size());
      for (Map.Entry<TraceKey, List<ReceivedSpan>> entry : spansByTrace.entrySet()) {
        traces.add(entry.getKey().assemble(entry.getValue()));
      }
      return traces;
    }
  }

  /** A snapshot of the trace with this hex id (as in the MDC), or null when none arrived yet. */
  public AssembledTrace trace(String traceIdHex) {
    if (traceIdHex == null) {
      throw new NullPointerException("traceIdHex == null");
    }
    synchronized (lock) {
      for (Map.Entry<TraceKey, List<ReceivedSpan>> entry : spansByTrace.entrySet()) {
        if (entry.getKey().hex().equals(traceIdHex)) {
          return entry.getKey().assemble(entry.getValue());
        }
      }
      return null;
    }
  }

  /**
   * Forgets every batch and trace received so far (the datagram counters stay), so that a demo
   * running for hours does not keep every trace in memory.
   */
  public void clear() {
    synchronized (lock) {
      batches.clear();
      spansByTrace.clear();
      spanCount = 0;
    }
  }

  /** How many datagrams arrived, decodable or not. */
  public long datagramsReceived() {
    synchronized (lock) {
      return datagramsReceived;
    }
  }

  /** How many datagrams could not be decoded as an {@code emitBatch} (each one is logged). */
  public long datagramsRejected() {
    synchronized (lock) {
      return datagramsRejected;
    }
  }

  /**
   * Waits until at least {@code count} traces have arrived and returns them all.
   *
   * @throws TimeoutException when fewer arrived within {@code timeout}
   */
  public List<AssembledTrace> awaitTraces(int count, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = deadline(timeout);
    synchronized (lock) {
      while (spansByTrace.size() < count) {
        waitUntil(deadline, "only " + spansByTrace.size() + " of " + count + " traces arrived");
      }
    }
    return traces();
  }

  /**
   * Waits until at least {@code count} spans have arrived, across all traces.
   *
   * @return every span received so far
   * @throws TimeoutException when fewer arrived within {@code timeout}
   */
  public List<ReceivedSpan> awaitSpans(int count, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = deadline(timeout);
    synchronized (lock) {
      while (spanCount < count) {
        waitUntil(deadline, "only " + spanCount + " of " + count + " spans arrived");
      }
    }
    return spans();
  }

  /**
   * Waits until the trace {@code traceIdHex} holds at least {@code spanCount} spans, for callers
   * that know the shape of a request's trace.
   *
   * @throws TimeoutException when it is still smaller after {@code timeout}
   */
  public AssembledTrace awaitTrace(String traceIdHex, int spanCount, Duration timeout)
      throws InterruptedException, TimeoutException {
    if (traceIdHex == null) {
      throw new NullPointerException("traceIdHex == null");
    }
    long deadline = deadline(timeout);
    synchronized (lock) {
      while (true) {
        AssembledTrace trace = trace(traceIdHex);
        int size = trace == null ? 0 : trace.spans().size();
        if (size >= spanCount) {
          return trace;
        }
        waitUntil(deadline, "trace " + traceIdHex + " has " + size + " of " + spanCount + " spans");
      }
    }
  }

  /**
   * Waits until at least {@code count} datagrams have arrived since the agent started (decoded or
   * rejected; {@link #clear()} does not reset the count): for senders that know how many they sent.
   *
   * @throws TimeoutException when fewer arrived within {@code timeout}
   */
  public void awaitDatagrams(long count, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = deadline(timeout);
    synchronized (lock) {
      while (datagramsReceived < count) {
        waitUntil(deadline, "only " + datagramsReceived + " of " + count + " datagrams arrived");
      }
    }
  }

  /** Stops receiving: closes the socket and waits for the receiver thread to end. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      lock.notifyAll();
    }
    socket.close();
    try {
      receiver.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long deadline(Duration timeout) {
    if (timeout == null) {
      throw new NullPointerException("timeout == null");
    }
    return System.nanoTime() + timeout.toNanos();
  }

  /** Waits on the lock for news, or throws once the deadline passed. Caller holds the lock. */
  private void waitUntil(long deadline, String failure)
      throws InterruptedException, TimeoutException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0 || closed) {
      throw new TimeoutException(failure + (closed ? " before the agent closed" : ""));
    }
    lock.wait(Math.max(1L, remaining / 1_000_000L));
  }

  private void receiveUntilClosed() {
    byte[] buffer = new byte[MAX_DATAGRAM_BYTES];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    while (!socket.isClosed()) {
      try {
        packet.setLength(buffer.length);
        socket.receive(packet);
      } catch (IOException e) {
        if (!socket.isClosed()) {
          logger.warn("in-process agent stopped receiving", e);
        }
        return;
      }
      accept(buffer, packet.getLength());
    }
  }

  private void accept(byte[] datagram, int length) {
    Batch batch;
    try {
      batch = EmitBatchDecoder.decode(datagram, length);
    } catch (TException | RuntimeException e) {
      synchronized (lock) {
        datagramsReceived++;
        datagramsRejected++;
        lock.notifyAll();
      }
      logger.warn("rejected a datagram of {} bytes that is not a Jaeger emitBatch: {}", length,
          e.toString());
      return;
    }
    synchronized (lock) {
      datagramsReceived++;
      batches.add(batch);
      List<Span> spans = batch.getSpans();
      for (Span span : spans) {
        TraceKey key = new TraceKey(span.getTraceIdHigh(), span.getTraceIdLow());
        spansByTrace.computeIfAbsent(key, k -> new ArrayList<>())
            .add(new ReceivedSpan(span, batch.getProcess()));
        spanCount++;
      }
      lock.notifyAll();
    }
  }

  /** A 128-bit trace id, as the map key of the agent's traces. */
  private record TraceKey(long high, long low) {
    String hex() {
      return TraceIds.traceIdHex(high, low);
    }

    AssembledTrace assemble(List<ReceivedSpan> spans) {
      return new AssembledTrace(high, low, spans);
    }
  }
}
