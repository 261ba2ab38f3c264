package dev.spoor.benchmarks.steadyrate;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * Counts the spans in each peer's payload while reading as little of it as the format allows, so
 * that the receiver keeps up with a million spans a second on a core it shares: the list header
 * of a Jaeger {@code emitBatch}, the top-level objects of a Zipkin JSON array, the {@code spans}
 * fields of a Zipkin {@code ListOfSpans} or of an OTLP {@code ExportTraceServiceRequest}. The
 * tests check each count against the official decoder on the peers' real payloads, and
 * {@link PayloadCheck} decodes each run's largest payload in full.
 */
final class SpanCounting {
  /** Protobuf tags: field number shifted left by 3, wire type 2 (length-delimited). */
  private static final int FIELD_1_MESSAGE = 1 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
  private static final int FIELD_2_MESSAGE = 2 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;

  private SpanCounting() {}

  /** The spans of {@code payload}, counted the way its receiver counts them. */
  static int count(PayloadCheck.Payload payload) throws TException, IOException {
    byte[] bytes = payload.bytes();
    switch (payload.format()) {
      case JAEGER_THRIFT_COMPACT:
        return jaegerEmitBatch(bytes, bytes.length);
      case ZIPKIN_JSON:
        return zipkinJson(bytes, bytes.length);
      case ZIPKIN_PROTO3:
        return zipkinProto(bytes, bytes.length);
      case OTLP_PROTO:
        return otlp(bytes, bytes.length);
      default:
        throw new IllegalArgumentException("unknown format " + payload.format());
    }
  }

  /**
   * The spans of one Jaeger agent datagram: a compact Thrift one-way {@code emitBatch} call
   * (agent.thrift), read with libthrift up to its {@code Batch.spans} list header (field 2; the
   * {@code process}, field 1, is skipped).
   */
  static int jaegerEmitBatch(byte[] datagram, int length) throws TException {
    TCompactProtocol protocol =
        new TCompactProtocol(new TMemoryInputTransport(datagram, 0, length));
    TMessage message = protocol.readMessageBegin();
    if (!message.name.equals("emitBatch") || message.type != TMessageType.ONEWAY) {
      throw new TException("not a one-way emitBatch call: " + message);
    }
    protocol.readStructBegin(); // emitBatch_args
    for (TField field = protocol.readFieldBegin(); field.type != TType.STOP;
        field = protocol.readFieldBegin()) {
      if (field.id == 1 && field.type == TType.STRUCT) { // batch
        protocol.readStructBegin();
        for (TField inner = protocol.readFieldBegin(); inner.type != TType.STOP;
            inner = protocol.readFieldBegin()) {
          if (inner.id == 2 && inner.type == TType.LIST) { // spans
            return protocol.readListBegin().size;
          }
          TProtocolUtil.skip(protocol, inner.type);
        }
        return 0;
      }
      TProtocolUtil.skip(protocol, field.type);
    }
    throw new TException("emitBatch without a batch");
  }

  /**
   * The spans of a Zipkin JSON v2 message: the objects directly inside its top-level array.
   * Strings are skipped whole (with their escapes), so braces in tag values do not count.
   */
  static int zipkinJson(byte[] json, int length) {
    int depth = 0;
    int spans = 0;
    for (int i = 0; i < length; i++) {
      byte b = json[i];
      if (b == '"') {
        for (i++; i < length && json[i] != '"'; i++) {
          if (json[i] == '\\') {
            i++;
          }
        }
      } else if (b == '{') {
        if (depth == 1) {
          spans++;
        }
        depth++;
      } else if (b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("unbalanced JSON, depth " + depth + " at the end");
    }
    return spans;
  }

  /** The spans of a Zipkin proto3 {@code ListOfSpans}: its repeated field 1. */
  static int zipkinProto(byte[] message, int length) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(message, 0, length);
    int spans = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == FIELD_1_MESSAGE) {
        spans++;
      }
      in.skipField(tag);
    }
    return spans;
  }

  /**
   * The spans of an OTLP {@code ExportTraceServiceRequest}: {@code resource_spans} (1) →
   * {@code scope_spans} (2) → {@code spans} (2), every other field skipped.
   */
  static int otlp(byte[] message, int length) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(message, 0, length);
    int spans = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag != FIELD_1_MESSAGE) {
        in.skipField(tag);
        continue;
      }
      int resourceSpans = in.pushLimit(in.readRawVarint32());
      for (int inner = in.readTag(); inner != 0; inner = in.readTag()) {
        if (inner != FIELD_2_MESSAGE) {
          in.skipField(inner);
          continue;
        }
        int scopeSpans = in.pushLimit(in.readRawVarint32());
        for (int field = in.readTag(); field != 0; field = in.readTag()) {
          if (field == FIELD_2_MESSAGE) {
            spans++;
          }
          in.skipField(field);
        }
        in.popLimit(scopeSpans);
      }
      in.popLimit(resourceSpans);
    }
    return spans;
  }
}
