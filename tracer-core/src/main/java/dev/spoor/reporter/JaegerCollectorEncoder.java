package dev.spoor.reporter;

import dev.spoor.SpoorProcess;
import java.nio.ByteBuffer;

/**
 * Jaeger spans for the collector's HTTP endpoint ({@code POST /api/traces}, {@code
 * application/x-thrift}): each message is one jaeger.thrift {@code Batch} in the Thrift binary
 * protocol, as jaeger-client-java's {@code HttpSender} posts it: field 1 the {@code Process},
 * field 2 the {@code list<Span>}, then the stop byte.
 */
final class JaegerCollectorEncoder extends JaegerSpanEncoder {
  private static final byte[] SUFFIX = {0};

  private final ThriftBinaryWriter prefix = new ThriftBinaryWriter(1024);
  private final ByteBuffer[] parts = new ByteBuffer[3];

  JaegerCollectorEncoder(int initialCapacity) {
    super("request", new ThriftBinaryWriter(initialCapacity));
  }

  /** Process field header and struct, list field header and list header, stop byte. */
  @Override
  int beginProcess(SpoorProcess process) {
    encodedProcess = encodeProcess(process, prefix);
    return 3 + encodedProcess.length + 3 + 5 + SUFFIX.length;
  }

  @Override
  ByteBuffer[] frame(int from, int to, int spanCount) {
    ThriftBinaryWriter out = prefix;
    out.reset();
    out.writeStructFieldBegin(1);
    out.writeRaw(encodedProcess, 0, encodedProcess.length);
    out.writeStructListField(2, spanCount);
    parts[0] = ByteBuffer.wrap(out.array(), 0, out.size());
    parts[1] = ByteBuffer.wrap(spans.array(), from, to - from);
    parts[2] = ByteBuffer.wrap(SUFFIX);
    return parts;
  }
}
