package dev.spoor.reporter;

import dev.spoor.SpoorProcess;
import java.nio.ByteBuffer;

/**
 * Jaeger spans for the agent: each message is one UDP datagram holding the one-way Thrift compact
 * message {@code Agent.emitBatch(1: jaeger.Batch batch)} of jaeger-idl's {@code
 * thrift/agent.thrift}, whose {@code Batch} holds the {@code Process} once and then the
 * {@code list<Span>}. A datagram is {@code prefix + spans + suffix}: the prefix (message header,
 * args and batch headers, process, list header) is written last, once the span count is known,
 * into the room the batcher left in front of the spans ({@link #reservedPrefix()}); the suffix
 * closes the batch and the args structs. The datagram is then one run of bytes in the span buffer,
 * which the sender hands to the socket without copying it.
 */
final class JaegerAgentEncoder extends JaegerSpanEncoder {
  /** The two stop fields that close {@code Batch} and {@code emitBatch_args}. */
  private static final int SUFFIX_LENGTH = 2;
  private static final String METHOD = "emitBatch";
  /** Thrift message type ONEWAY (TMessageType: CALL 1, REPLY 2, EXCEPTION 3, ONEWAY 4). */
  private static final int ONEWAY = 4;
  /** Protocol id, version/type byte, seqid (at most 5 bytes), method name with its length. */
  private static final int MAX_HEADER = 2 + 5 + 1 + METHOD.length();

  private final ThriftCompactWriter prefix = new ThriftCompactWriter(1024);
  private final ByteBuffer[] parts = new ByteBuffer[1];
  private int maxPrefix;
  private int seqId;
  // The bytes the last frame's suffix wrote over, and where.
  private int suffixAt = -1;
  private byte savedFirst;
  private byte savedSecond;

  JaegerAgentEncoder(int initialCapacity) {
    super("datagram", new ThriftCompactWriter(initialCapacity));
  }

  /**
   * Header, args field, process field, span list header (at most 6 bytes), suffix.
   */
  @Override
  int beginProcess(SpoorProcess process) {
    encodedProcess = encodeProcess(process, prefix);
    maxPrefix = MAX_HEADER + 1 + 1 + encodedProcess.length + 1 + 6;
    return maxPrefix + SUFFIX_LENGTH;
  }

  @Override
  int reservedPrefix() {
    return maxPrefix;
  }

  @Override
  ByteBuffer[] frame(int from, int to, int spanCount) {
    ThriftCompactWriter out = prefix;
    out.reset();
    out.writeMessageBegin(METHOD, ONEWAY, seqId++ & 0x7FFFFFFF);
    out.writeStructBegin(); // emitBatch_args
    out.writeFieldBegin(ThriftCompactWriter.TYPE_STRUCT, 1);
    out.writeStructBegin(); // Batch
    out.writeFieldBegin(ThriftCompactWriter.TYPE_STRUCT, 1);
    out.writeRaw(encodedProcess, 0, encodedProcess.length);
    out.writeFieldBegin(ThriftCompactWriter.TYPE_LIST, 2);
    out.writeListBegin(ThriftCompactWriter.TYPE_STRUCT, spanCount);
    int start = from - out.size();
    spans.ensureCapacity(to + SUFFIX_LENGTH);
    byte[] datagram = spans.array();
    System.arraycopy(out.array(), 0, datagram, start, out.size());
    suffixAt = to;
    savedFirst = datagram[to];
    savedSecond = datagram[to + 1];
    datagram[to] = 0;
    datagram[to + 1] = 0;
    parts[0] = ByteBuffer.wrap(datagram, start, to + SUFFIX_LENGTH - start);
    return parts;
  }

  @Override
  void unframe() {
    if (suffixAt >= 0) {
      byte[] datagram = spans.array();
      datagram[suffixAt] = savedFirst;
      datagram[suffixAt + 1] = savedSecond;
      suffixAt = -1;
    }
  }
}
