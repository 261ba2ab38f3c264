package dev.spoor.examples.jaegerjson;

import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.agent.ReceivedSpan;
import dev.spoor.examples.agent.TraceIds;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes traces the way Jaeger's query service answers {@code GET /api/traces/{id}}: the JSON the
 * Jaeger UI reads from its API and from a file dropped on its "JSON File" tab.
 *
 * <p>The mapping follows Jaeger's own Thrift-to-domain and domain-to-JSON converters: ids are
 * lower-case hex strings (16 digits, 32 for a trace id with its high half set); times are
 * microseconds since the epoch and durations microseconds; a Thrift {@code parentSpanId} becomes
 * a leading {@code CHILD_OF} reference unless one to that parent is already there; tags are typed
 * ({@code string}, {@code bool}, {@code int64}, {@code float64}, {@code binary} as base64), with
 * integers beyond JavaScript's safe range written as strings; each distinct process (service name
 * and tags) of the trace gets a key {@code p1}, {@code p2}, ... in order of first use.
 */
public final class JaegerJson {
  /** Largest integer a JavaScript number holds exactly, 2^53 - 1; Jaeger quotes bigger ones. */
  static final long JS_MAX_SAFE_INTEGER = (1L << 53) - 1;

  private JaegerJson() {}

  /**
   * The query API's answer holding {@code traces}, indented:
   * {@code {"data":[...],"total":0,"limit":0,"offset":0,"errors":null}}.
   */
  public static String queryResponse(List<AssembledTrace> traces) {
    if (traces == null) {
      throw new NullPointerException("traces == null");
    }
    StringBuilder text = new StringBuilder(4096 * Math.max(1, traces.size()));
    JsonWriter json = JsonWriter.indented(text);
    json.beginObject().name("data").beginArray();
    for (AssembledTrace trace : traces) {
      writeTrace(json, trace);
    }
    json.endArray();
    // The query service's envelope: paging fields it leaves at zero and no errors.
    json.member("total", 0).member("limit", 0).member("offset", 0).name("errors").nullValue()
        .endObject();
    return text.append('\n').toString();
  }

  /**
   * Writes one trace object: {@code traceID}, {@code spans}, {@code processes}, {@code warnings}.
   */
  public static void writeTrace(JsonWriter json, AssembledTrace trace) {
    if (json == null) {
      throw new NullPointerException("json == null");
    }
    if (trace == null) {
      throw new NullPointerException("trace == null");
    }
    Map<Process, String> processIds = new LinkedHashMap<>();
    for (ReceivedSpan span : trace.spans()) {
      processIds.computeIfAbsent(span.process(), p -> "p" + (processIds.size() + 1));
    }
    json.beginObject().member("traceID", trace.traceIdHex());
    json.name("spans").beginArray();
    for (ReceivedSpan span : trace.spans()) {
      writeSpan(json, span, processIds.get(span.process()));
    }
    json.endArray();
    json.name("processes").beginObject();
    for (Map.Entry<Process, String> entry : processIds.entrySet()) {
      json.name(entry.getValue()).beginObject()
          .member("serviceName", entry.getKey().getServiceName());
      writeTags(json, "tags", entry.getKey().getTags());
      json.endObject();
    }
    json.endObject();
    json.name("warnings").nullValue();
    json.endObject();
  }

  private static void writeSpan(JsonWriter json, ReceivedSpan received, String processId) {
    Span span = received.span();
    json.beginObject()
        .member("traceID", received.traceIdHex())
        .member("spanID", TraceIds.spanIdHex(span.getSpanId()))
        .member("flags", span.getFlags() & 0xffffffffL)
        .member("operationName", span.getOperationName() == null ? "" : span.getOperationName());
    json.name("references").beginArray();
    for (SpanRef reference : references(span)) {
      json.beginObject()
          .member("refType", reference.getRefType() == SpanRefType.FOLLOWS_FROM
              ? "FOLLOWS_FROM" : "CHILD_OF")
          .member("traceID",
              TraceIds.traceIdHex(reference.getTraceIdHigh(), reference.getTraceIdLow()))
          .member("spanID", TraceIds.spanIdHex(reference.getSpanId()))
          .endObject();
    }
    json.endArray();
    json.member("startTime", received.startMicros())
        .member("duration", received.durationMicros());
    writeTags(json, "tags", span.getTags());
    json.name("logs").beginArray();
    if (span.getLogs() != null) {
      for (Log log : span.getLogs()) {
        json.beginObject().member("timestamp", log.getTimestamp());
        writeTags(json, "fields", log.getFields());
        json.endObject();
      }
    }
    json.endArray();
    json.member("processID", processId);
    json.name("warnings").nullValue();
    json.endObject();
  }

  /**
   * The span's references, with its {@code parentSpanId} as a first {@code CHILD_OF} reference
   * unless the references already name that parent (Jaeger's {@code MaybeAddParentSpanID}).
   */
  static List<SpanRef> references(Span span) {
    List<SpanRef> references = new ArrayList<>();
    if (span.getReferences() != null) {
      references.addAll(span.getReferences());
    }
    long parent = span.getParentSpanId();
    if (parent == 0L) {
      return references;
    }
    for (SpanRef reference : references) {
      if (reference.getSpanId() == parent && reference.getTraceIdLow() == span.getTraceIdLow()
          && reference.getTraceIdHigh() == span.getTraceIdHigh()
          && reference.getRefType() == SpanRefType.CHILD_OF) {
        return references;
      }
    }
    references.add(0, new SpanRef(SpanRefType.CHILD_OF, span.getTraceIdLow(),
        span.getTraceIdHigh(), parent));
    return references;
  }

  private static void writeTags(JsonWriter json, String name, List<Tag> tags) {
    json.name(name).beginArray();
    if (tags != null) {
      for (Tag tag : tags) {
        json.beginObject().member("key", tag.getKey() == null ? "" : tag.getKey());
        writeTypedValue(json, tag);
        json.endObject();
      }
    }
    json.endArray();
  }

  private static void writeTypedValue(JsonWriter json, Tag tag) {
    if (tag.getVType() == null) {
      json.member("type", "string").member("value", "");
      return;
    }
    switch (tag.getVType()) {
      case BOOL -> json.member("type", "bool").name("value").value(tag.isVBool());
      case LONG -> {
        long value = tag.getVLong();
        json.member("type", "int64").name("value");
        if (value > JS_MAX_SAFE_INTEGER || value < -JS_MAX_SAFE_INTEGER) {
          json.value(Long.toString(value));
        } else {
          json.value(value);
        }
      }
      case DOUBLE -> json.member("type", "float64").name("value").value(tag.getVDouble());
      case BINARY -> json.member("type", "binary").member("value",
          tag.getVBinary() == null ? "" : Base64.getEncoder().encodeToString(tag.getVBinary()));
      default -> json.member("type", "string")
          .member("value", tag.getVStr() == null ? "" : tag.getVStr());
    }
  }
}
