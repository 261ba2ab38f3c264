package dev.spoor.jaeger.thrift;

import dev.spoor.SpoorProcess;
import java.util.Arrays;

/**
 * Frames encoded spans as one UDP datagram: the one-way Thrift message
 * {@code Agent.emitBatch(1: jaeger.Batch batch)} of jaeger-idl's {@code thrift/agent.thrift}, whose
 * {@code Batch} holds the {@code Process} once and then the {@code list<Span>}.
 *
 * <p>A datagram is {@code prefix + spans + suffix}: the prefix (message header, args and batch
 * headers, process, list header) is written per datagram, the spans are appended as they come,
 * and the suffix closes the batch and the args structs. Not API.
 */
public final class JaegerBatchFraming {
  /** The two stop fields that close {@code Batch} and {@code emitBatch_args}. */
  public static final byte[] SUFFIX = {0, 0};

  private static final String METHOD = "emitBatch";
  /** Thrift message type ONEWAY (TMessageType: CALL 1, REPLY 2, EXCEPTION 3, ONEWAY 4). */
  private static final int ONEWAY = 4;
  /** Protocol id, version/type byte, seqid (at most 5 bytes), method name with its length. */
  private static final int MAX_HEADER = 2 + 5 + 1 + METHOD.length();

  private JaegerBatchFraming() {}

  /**
   * The most bytes a datagram adds around its spans for a process encoded in
   * {@code processLength} bytes: header, args field, process field, span list header (at most 6
   * bytes), suffix.
   */
  public static int overhead(int processLength) {
    return MAX_HEADER + 1 + 1 + processLength + 1 + 6 + SUFFIX.length;
  }

  /** jaeger.thrift {@code struct Process}: the service name and the process tags. */
  public static byte[] encodeProcess(SpoorProcess process, ThriftCompactWriter scratch) {
    scratch.reset();
    scratch.writeStructBegin();
    scratch.writeStringField(1, process.serviceName());
    if (!process.tags().isEmpty()) {
      scratch.writeFieldBegin(ThriftCompactWriter.TYPE_LIST, 2);
      scratch.writeListBegin(ThriftCompactWriter.TYPE_STRUCT, process.tags().size());
      JaegerSpanEncoder.writeTags(scratch, process.tags());
    }
    scratch.writeStructEnd();
    byte[] encoded = Arrays.copyOf(scratch.array(), scratch.size());
    scratch.reset();
    return encoded;
  }

  /**
   * Writes, after resetting {@code out}, everything a datagram has before its {@code spanCount}
   * spans; {@link #SUFFIX} follows the spans.
   */
  public static void writePrefix(
      ThriftCompactWriter out, int seqId, byte[] process, int spanCount) {
    out.reset();
    out.writeMessageBegin(METHOD, ONEWAY, seqId & 0x7FFFFFFF);
    out.writeStructBegin(); // emitBatch_args
    out.writeFieldBegin(ThriftCompactWriter.TYPE_STRUCT, 1);
    out.writeStructBegin(); // Batch
    out.writeFieldBegin(ThriftCompactWriter.TYPE_STRUCT, 1);
    out.writeRaw(process, 0, process.length);
    out.writeFieldBegin(ThriftCompactWriter.TYPE_LIST, 2);
    out.writeListBegin(ThriftCompactWriter.TYPE_STRUCT, spanCount);
  }
}
