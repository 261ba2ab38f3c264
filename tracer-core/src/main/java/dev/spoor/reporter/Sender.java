package dev.spoor.reporter;

import java.nio.ByteBuffer;

/**
 * A transport for encoded spans: a Jaeger agent over UDP ({@link UdpSender}), a Jaeger
 * collector over HTTP ({@link JaegerHttpSender}), an OTLP/HTTP endpoint ({@link
 * OtlpHttpSender}), or your own. {@link RemoteReporter} (through {@link SpanBatcher}) encodes
 * spans in the sender's {@link #encoding()}, packs them into messages of at most {@link
 * #maxMessageBytes()} bytes and hands each message to {@link #send}; it owns the queue, the
 * batching, the retries, the splitting of a message the backend finds too large, and the
 * counting of every span.
 *
 * <p>A sender is used by one thread at a time (the reporter's), may block in {@code send} for
 * at most its own timeouts, and never throws from {@code send}: it answers with a {@link
 * SendResult}.
 */
public interface Sender extends AutoCloseable {
  /** The wire format of the messages this sender carries. */
  Encoding encoding();

  /** The largest message, in bytes, that this sender takes (a datagram, a request body). */
  int maxMessageBytes();

  /**
   * Sends one message: the bytes between position and limit of each part, one after the other.
   * The parts are not modified and are valid only during the call.
   */
  SendResult send(ByteBuffer[] message);

  /** Releases the sender's resources (socket, connections). Idempotent. */
  @Override
  void close();
}
