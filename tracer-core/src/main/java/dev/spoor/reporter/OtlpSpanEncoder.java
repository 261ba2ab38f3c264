package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import dev.spoor.LogRecord;
import dev.spoor.SpoorProcess;
import dev.spoor.SpoorReference;
import dev.spoor.SpoorSpanContext;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Encodes finished spans as OTLP protobuf ({@code opentelemetry/proto/trace/v1/trace.proto}); a
 * message is one {@code ExportTraceServiceRequest} with one {@code ResourceSpans} (the process)
 * and one {@code ScopeSpans} (scope {@value #SCOPE_NAME}), as OTLP/HTTP takes it.
 *
 * <p>The OpenTracing data is mapped as the OpenTelemetry specification's OpenTracing
 * compatibility section does it: the parent (first {@code child_of}, else the first reference)
 * is {@code parent_span_id} and every other reference a link with {@code opentracing.ref_type};
 * the {@code span.kind} tag is the {@code SpanKind} (server, client, producer, consumer, else
 * internal) and not repeated as an attribute; {@code error=true} is status ERROR with the
 * {@code error.message} tag, or the {@code message} field of the first log whose {@code event} is
 * {@code error}, as its message; logs are events named by their {@code event} field (else
 * {@code log}) with the other fields as attributes; tags keep their type (string, bool, int64,
 * double, bytes; anything else as its string). Process tags are resource attributes, with
 * {@code hostname} as {@code host.name} and {@code jaeger.version} as the {@code telemetry.sdk.*}
 * attributes. A 64-bit trace id is zero-extended to 16 bytes. Only the sampled bit of the flags
 * is carried ({@code flags}), with the W3C {@code trace_state}.
 */
final class OtlpSpanEncoder extends SpanEncoder {
  static final String SCOPE_NAME = "dev.spoor";
  private static final String SPAN_KIND = "span.kind";
  private static final String ERROR = "error";
  private static final String ERROR_MESSAGE = "error.message";
  private static final String CLIENT_VERSION_TAG = "jaeger.version";
  private static final String CLIENT_VERSION_PREFIX = "Spoor-Java-";
  // trace.proto enum SpanKind and StatusCode
  private static final int KIND_INTERNAL = 1;
  private static final int KIND_SERVER = 2;
  private static final int KIND_CLIENT = 3;
  private static final int KIND_PRODUCER = 4;
  private static final int KIND_CONSUMER = 5;
  private static final int STATUS_ERROR = 2;
  private static final byte[] NO_SUFFIX = new byte[0];

  private final ProtobufWriter spans;
  private final ProtobufWriter scratch = new ProtobufWriter(1024);
  private final ByteBuffer[] parts = new ByteBuffer[3];
  /** {@code ResourceSpans.resource} and {@code ScopeSpans.scope}, tag and length included. */
  private byte[] resourceField;
  private byte[] scopeField;

  OtlpSpanEncoder(int initialCapacity) {
    super("request");
    this.spans = new ProtobufWriter(initialCapacity);
  }

  @Override
  WireBuffer spans() {
    return spans;
  }

  @Override
  int beginProcess(SpoorProcess process) {
    String version = sdkVersion(process);
    ProtobufWriter out = scratch;
    out.reset();
    int resource = out.beginMessage(1, 2); // ResourceSpans.resource
    writeAttribute(out, 1, "service.name", process.serviceName());
    for (Map.Entry<String, Object> tag : process.tags().entrySet()) {
      String key = tag.getKey();
      if (key.equals("hostname")) {
        writeAttribute(out, 1, "host.name", tag.getValue());
      } else if (!key.equals(CLIENT_VERSION_TAG)) {
        writeAttribute(out, 1, key, tag.getValue());
      }
    }
    writeAttribute(out, 1, "telemetry.sdk.name", "spoor");
    writeAttribute(out, 1, "telemetry.sdk.language", "java");
    writeAttribute(out, 1, "telemetry.sdk.version", version);
    out.endMessage(resource);
    resourceField = Arrays.copyOf(out.array(), out.size());
    out.reset();
    int scope = out.beginMessage(1, 1); // ScopeSpans.scope
    out.writeStringField(1, SCOPE_NAME);
    out.writeStringField(2, version);
    out.endMessage(scope);
    scopeField = Arrays.copyOf(out.array(), out.size());
    out.reset();
    // Request's resource_spans and ResourceSpans' scope_spans headers: a tag and a varint each.
    return 2 * (1 + 5) + resourceField.length + scopeField.length;
  }

  private static String sdkVersion(SpoorProcess process) {
    Object clientVersion = process.tags().get(CLIENT_VERSION_TAG);
    String text = clientVersion == null ? "" : clientVersion.toString();
    return text.startsWith(CLIENT_VERSION_PREFIX)
        ? text.substring(CLIENT_VERSION_PREFIX.length()) : "unknown";
  }

  @Override
  ByteBuffer[] frame(int from, int to, int spanCount) {
    int scopeSpans = scopeField.length + (to - from);
    int resourceSpans = resourceField.length + 1 + ProtobufWriter.varint32Length(scopeSpans)
        + scopeSpans;
    ProtobufWriter out = scratch;
    out.reset();
    out.writeTag(1, ProtobufWriter.LENGTH_DELIMITED); // ExportTraceServiceRequest.resource_spans
    out.writeVarint32(resourceSpans);
    out.writeRaw(resourceField, 0, resourceField.length);
    out.writeTag(2, ProtobufWriter.LENGTH_DELIMITED); // ResourceSpans.scope_spans
    out.writeVarint32(scopeSpans);
    out.writeRaw(scopeField, 0, scopeField.length);
    parts[0] = ByteBuffer.wrap(out.array(), 0, out.size());
    parts[1] = ByteBuffer.wrap(spans.array(), from, to - from);
    parts[2] = ByteBuffer.wrap(NO_SUFFIX);
    return parts;
  }

  @Override
  void writeTag(String key, Object value) {
    if (!SPAN_KIND.equals(key)) {
      writeAttribute(spans, 9, key, value);
    }
  }

  @Override
  void writeSpan(FinishedSpan span, String name, int tagCount, boolean withLogs, String note) {
    ProtobufWriter out = spans;
    SpoorSpanContext context = span.context();
    int message = out.beginMessage(2, 2); // ScopeSpans.spans
    out.writeId128Field(1, context.traceIdHigh(), context.traceIdLow());
    out.writeId64Field(2, context.spanId());
    String traceState = context.traceState();
    if (traceState != null && !traceState.isEmpty()) {
      out.writeStringField(3, traceState);
    }
    if (context.parentId() != 0) {
      out.writeId64Field(4, context.parentId());
    }
    out.writeStringField(5, name);
    int kind = KIND_INTERNAL;
    boolean error = false;
    String errorMessage = null;
    for (int i = 0; i < tagCount; i++) {
      String key = tagKeys[i];
      if (SPAN_KIND.equals(key)) {
        kind = kind(tagValues[i]);
      } else if (ERROR.equals(key)) {
        error = isTrue(tagValues[i]);
      } else if (ERROR_MESSAGE.equals(key)) {
        errorMessage = describe(tagValues[i]);
      }
    }
    out.writeVarintField(6, kind);
    long startNanos = span.startMicros() * 1000;
    out.writeFixed64Field(7, startNanos);
    out.writeFixed64Field(8, startNanos + durationMicros * 1000);
    int droppedAttributes = 0;
    for (int i = 0; i < tagCount; i++) {
      if (note != null && droppedTags[i]) {
        droppedAttributes++;
      } else {
        writeTag(tagKeys[i], tagValues[i]);
      }
    }
    if (note != null) {
      writeAttribute(out, 9, TRUNCATED_TAG, note);
      if (droppedAttributes > 0) {
        out.writeVarintField(10, droppedAttributes);
      }
    }
    if (withLogs) {
      for (int i = 0; i < logs.size(); i++) {
        writeEvent(out, logs.get(i));
      }
    } else if (!logs.isEmpty()) {
      out.writeVarintField(12, logs.size());
    }
    writeLinks(out, span.references(), context.parentId());
    if (error) {
      int status = out.beginMessage(15, 1);
      String statusMessage = errorMessage != null ? errorMessage : errorLogMessage(logs);
      if (statusMessage != null) {
        out.writeStringField(2, statusMessage);
      }
      out.writeVarintField(3, STATUS_ERROR);
      out.endMessage(status);
    }
    out.writeFixed32Field(16, context.isSampled() ? 1 : 0);
    out.endMessage(message);
  }

  private static int kind(Object value) {
    String kind = value instanceof String ? (String) value : "";
    switch (kind) {
      case "server":
        return KIND_SERVER;
      case "client":
        return KIND_CLIENT;
      case "producer":
        return KIND_PRODUCER;
      case "consumer":
        return KIND_CONSUMER;
      default:
        return KIND_INTERNAL;
    }
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  /** The {@code message} of the first log whose {@code event} is {@code error}, if any. */
  private static String errorLogMessage(List<LogRecord> logs) {
    for (int i = 0; i < logs.size(); i++) {
      Map<String, ?> fields = logs.get(i).fields();
      if (ERROR.equals(fields.get("event")) && fields.get("message") != null) {
        return describe(fields.get("message"));
      }
    }
    return null;
  }

  /** Every reference but the parent (the context's parent id, chosen by the span builder). */
  private static void writeLinks(ProtobufWriter out, List<SpoorReference> references,
      long parentId) {
    boolean parentSkipped = false;
    for (int i = 0; i < references.size(); i++) {
      SpoorReference reference = references.get(i);
      SpoorSpanContext linked = reference.context();
      if (!parentSkipped && linked.spanId() == parentId) {
        parentSkipped = true;
        continue;
      }
      int link = out.beginMessage(13, 1);
      out.writeId128Field(1, linked.traceIdHigh(), linked.traceIdLow());
      out.writeId64Field(2, linked.spanId());
      String traceState = linked.traceState();
      if (traceState != null && !traceState.isEmpty()) {
        out.writeStringField(3, traceState);
      }
      writeAttribute(out, 4, "opentracing.ref_type", reference.type());
      out.writeFixed32Field(6, linked.isSampled() ? 1 : 0);
      out.endMessage(link);
    }
  }

  private static void writeEvent(ProtobufWriter out, LogRecord log) {
    Map<String, ?> fields = log.fields();
    Object event = fields.get("event");
    int message = out.beginMessage(11, 2);
    out.writeFixed64Field(1, log.timestampMicros() * 1000);
    out.writeStringField(2, event instanceof String ? (String) event : "log");
    for (Map.Entry<String, ?> field : fields.entrySet()) {
      if (!(event instanceof String && "event".equals(field.getKey()))) {
        writeAttribute(out, 3, field.getKey(), field.getValue());
      }
    }
    out.endMessage(message);
  }

  /**
   * common.proto {@code KeyValue} as element of the attributes field {@code field} (Resource 1,
   * Span 9, Event 3, Link 4).
   */
  private static void writeAttribute(ProtobufWriter out, int field, String key, Object value) {
    int keyValue = out.beginMessage(field, 1);
    out.writeStringField(1, key == null ? "null" : key);
    int any = out.beginMessage(2, 1);
    if (value instanceof String) {
      out.writeStringField(1, (String) value);
    } else if (value instanceof Boolean) {
      out.writeBoolField(2, (Boolean) value);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      out.writeVarintField(3, ((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      out.writeDoubleField(4, ((Number) value).doubleValue());
    } else if (value instanceof byte[]) {
      out.writeBytesField(7, (byte[]) value);
    } else {
      out.writeStringField(1, describe(value));
    }
    out.endMessage(any);
    out.endMessage(keyValue);
  }
}
