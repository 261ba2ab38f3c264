package dev.spoor.propagation;

import io.opentracing.propagation.Binary;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A {@link Binary} carrier as a message would carry it: inject fills a buffer of the size asked
 * for, and the bytes are read back from a fresh buffer at position 0, as a receiver wraps what it
 * received. jaeger-client-java's {@code BinaryCodec} takes only a {@code Binary}.
 */
final class BinaryCarrier implements Binary {
  private ByteBuffer written;
  private final byte[] received;

  private BinaryCarrier(byte[] received) {
    this.received = received;
  }

  /** An empty carrier to inject into. */
  static BinaryCarrier forInjection() {
    return new BinaryCarrier(null);
  }

  /** A carrier holding {@code bytes} to extract from. */
  static BinaryCarrier of(byte[] bytes) {
    return new BinaryCarrier(bytes.clone());
  }

  @Override
  public ByteBuffer injectionBuffer(int length) {
    written = ByteBuffer.allocate(length);
    return written;
  }

  @Override
  public ByteBuffer extractionBuffer() {
    return ByteBuffer.wrap(received != null ? received : bytes());
  }

  /** What inject wrote (up to the buffer's position). */
  byte[] bytes() {
    if (written == null) {
      return new byte[0];
    }
    return Arrays.copyOf(written.array(), written.position());
  }
}
