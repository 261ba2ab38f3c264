package dev.spoor.examples.testing;

import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.transport.TMemoryBuffer;

/**
 * Encodes Jaeger batches with libthrift's compact protocol as a oneway {@code emitBatch} message,
 * and sends them over a real UDP socket: what a Jaeger client puts on the wire.
 */
public final class JaegerDatagrams {
  private JaegerDatagrams() {}

  /** A span with the given ids and times and no tags; add tags with {@link #withTags}. */
  public static Span span(long traceIdLow, long spanId, long parentSpanId, String operation,
      long startMicros, long durationMicros) {
    return new Span(traceIdLow, 0L, spanId, parentSpanId, operation, 1, startMicros,
        durationMicros);
  }

  /** Adds {@code tags} to {@code span} and returns it. */
  public static Span withTags(Span span, Tag... tags) {
    List<Tag> all = span.getTags() == null ? new ArrayList<>() : new ArrayList<>(span.getTags());
    all.addAll(Arrays.asList(tags));
    return span.setTags(all);
  }

  /** A boolean tag, e.g. {@code error=true}. */
  public static Tag boolTag(String key, boolean value) {
    return new Tag(key, TagType.BOOL).setVBool(value);
  }

  /** A string tag. */
  public static Tag stringTag(String key, String value) {
    return new Tag(key, TagType.STRING).setVStr(value);
  }

  /** A batch from {@code serviceName} holding {@code spans}. */
  public static Batch batch(String serviceName, Span... spans) {
    return new Batch(new Process(serviceName), new ArrayList<>(Arrays.asList(spans)));
  }

  /** The bytes of {@code batch} as one agent datagram. */
  public static byte[] encode(Batch batch) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(1024);
    TCompactProtocol protocol = new TCompactProtocol(buffer);
    protocol.writeMessageBegin(new TMessage("emitBatch", TMessageType.ONEWAY, 1));
    new Agent.emitBatch_args(batch).write(protocol);
    protocol.writeMessageEnd();
    return Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  /** Sends {@code datagram} to 127.0.0.1:{@code port} from a fresh socket. */
  public static void send(byte[] datagram, int port) throws IOException {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(),
          port));
    }
  }

  /**
   * Encodes {@code batch} and sends it from {@code socket} to {@code host}:{@code port}, for
   * callers that cannot throw checked exceptions (shop stand-ins).
   */
  public static void sendFrom(DatagramSocket socket, Batch batch, String host, int port) {
    try {
      byte[] datagram = encode(batch);
      socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getByName(host),
          port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Encodes and sends each batch, in order, to 127.0.0.1:{@code port}. */
  public static void sendAll(int port, Batch... batches) throws IOException, TException {
    for (Batch batch : batches) {
      send(encode(batch), port);
    }
  }
}
