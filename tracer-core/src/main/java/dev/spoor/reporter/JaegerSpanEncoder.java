package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import dev.spoor.LogRecord;
import dev.spoor.SpoorProcess;
import dev.spoor.SpoorReference;
import dev.spoor.SpoorSpanContext;
import dev.spoor.internal.SpanContextBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Encodes finished spans as the {@code Span} struct of jaeger-idl's {@code thrift/jaeger.thrift},
 * in the protocol of its {@link ThriftWriter}; the subclasses frame them for the agent (compact
 * {@code emitBatch} datagrams) or the collector (a binary {@code Batch} per HTTP request).
 *
 * <p>Mapping: the 128-bit trace id goes to {@code traceIdHigh}/{@code traceIdLow};
 * {@code parentSpanId} is always the span's parent id (0 for a root). {@code references} are
 * written only when the parent id alone does not say everything, i.e. unless the span has exactly
 * one {@code child_of} reference (to its parent), as jaeger-client-java does. Tags and log fields
 * keep their type: String as STRING, Boolean as BOOL, Integer/Long/Short/Byte as LONG,
 * Float/Double as DOUBLE, byte[] as BINARY, anything else as the STRING of its {@code toString()}.
 */
abstract class JaegerSpanEncoder extends SpanEncoder {
  // jaeger.thrift enum TagType { STRING, DOUBLE, BOOL, LONG, BINARY }
  private static final int TAG_STRING = 0;
  private static final int TAG_DOUBLE = 1;
  private static final int TAG_BOOL = 2;
  private static final int TAG_LONG = 3;
  private static final int TAG_BINARY = 4;
  // jaeger.thrift enum SpanRefType { CHILD_OF, FOLLOWS_FROM }
  private static final int REF_CHILD_OF = 0;
  private static final int REF_FOLLOWS_FROM = 1;

  final ThriftWriter spans;
  /** The current process's {@code Process} struct, encoded once per process. */
  byte[] encodedProcess;

  JaegerSpanEncoder(String messageNoun, ThriftWriter spans) {
    super(messageNoun);
    this.spans = spans;
  }

  @Override
  final WireBuffer spans() {
    return spans;
  }

  /** jaeger.thrift {@code struct Process}: the service name and the process tags. */
  static byte[] encodeProcess(SpoorProcess process, ThriftWriter scratch) {
    scratch.reset();
    scratch.writeStructBegin();
    scratch.writeStringField(1, process.serviceName());
    if (!process.tags().isEmpty()) {
      scratch.writeStructListField(2, process.tags().size());
      for (Map.Entry<String, Object> tag : process.tags().entrySet()) {
        writeTag(scratch, tag.getKey(), tag.getValue());
      }
    }
    scratch.writeStructEnd();
    byte[] encoded = Arrays.copyOf(scratch.array(), scratch.size());
    scratch.reset();
    return encoded;
  }

  @Override
  final void writeTag(String key, Object value) {
    writeTag(spans, key, value);
  }

  @Override
  final void writeSpan(
      FinishedSpan span, String name, int tagCount, boolean withLogs, String note) {
    ThriftWriter out = spans;
    SpoorSpanContext context = span.context();
    out.writeStructBegin();
    out.writeI64Field(1, context.traceIdLow());
    out.writeI64Field(2, context.traceIdHigh());
    out.writeI64Field(3, context.spanId());
    out.writeI64Field(4, context.parentId());
    out.writeStringField(5, name);
    List<SpoorReference> references = span.references();
    if (needsReferences(references)) {
      out.writeStructListField(6, references.size());
      for (int i = 0; i < references.size(); i++) {
        writeReference(out, references.get(i));
      }
    }
    out.writeI32Field(7, SpanContextBuilder.jaegerFlagsOf(context));
    out.writeI64Field(8, span.startMicros());
    out.writeI64Field(9, durationMicros);
    int kept = note == null ? tagCount : keptTags(tagCount) + 1;
    if (kept > 0) {
      out.writeStructListField(10, kept);
      for (int i = 0; i < tagCount; i++) {
        if (note == null || !droppedTags[i]) {
          writeTag(out, tagKeys[i], tagValues[i]);
        }
      }
      if (note != null) {
        out.writeStringTag(TRUNCATED_TAG, note);
      }
    }
    if (withLogs && !logs.isEmpty()) {
      out.writeStructListField(11, logs.size());
      for (int i = 0; i < logs.size(); i++) {
        writeLog(out, logs.get(i));
      }
    }
    out.writeStructEnd();
  }

  /** One child_of reference is the parent id already; anything else is written in full. */
  private static boolean needsReferences(List<SpoorReference> references) {
    int count = references.size();
    return count > 1 || (count == 1 && !references.get(0).isChildOf());
  }

  private static void writeReference(ThriftWriter out, SpoorReference reference) {
    SpoorSpanContext referenced = reference.context();
    out.writeStructBegin();
    out.writeI32Field(1, reference.isChildOf() ? REF_CHILD_OF : REF_FOLLOWS_FROM);
    out.writeI64Field(2, referenced.traceIdLow());
    out.writeI64Field(3, referenced.traceIdHigh());
    out.writeI64Field(4, referenced.spanId());
    out.writeStructEnd();
  }

  private static void writeLog(ThriftWriter out, LogRecord log) {
    Map<String, ?> fields = log.fields();
    out.writeStructBegin();
    out.writeI64Field(1, log.timestampMicros());
    out.writeStructListField(2, fields.size());
    for (Map.Entry<String, ?> field : fields.entrySet()) {
      writeTag(out, field.getKey(), field.getValue());
    }
    out.writeStructEnd();
  }

  /** jaeger.thrift {@code struct Tag}: key, vType and the one value field of that type. */
  static void writeTag(ThriftWriter out, String key, Object value) {
    String safeKey = key == null ? "null" : key;
    if (value instanceof String) {
      out.writeStringTag(safeKey, (String) value);
      return;
    }
    out.writeStructBegin();
    out.writeStringField(1, safeKey);
    if (value instanceof Boolean) {
      out.writeI32Field(2, TAG_BOOL);
      out.writeBoolField(5, (Boolean) value);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      out.writeI32Field(2, TAG_LONG);
      out.writeI64Field(6, ((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      out.writeI32Field(2, TAG_DOUBLE);
      out.writeDoubleField(4, ((Number) value).doubleValue());
    } else if (value instanceof byte[]) {
      out.writeI32Field(2, TAG_BINARY);
      out.writeBinaryField(7, (byte[]) value);
    } else {
      out.writeI32Field(2, TAG_STRING);
      out.writeStringField(3, describe(value));
    }
    out.writeStructEnd();
  }
}
