package dev.spoor.examples.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks JSON against the shapes of Jaeger's query API as its sources define them
 * ({@code model/json/model.go}, {@code model/converter/json/from_domain.go}, the query service's
 * {@code structuredResponse}) and as the Jaeger UI reads them ({@code transformTraceData},
 * {@code loadJsonTraces}): an envelope with {@code data}, {@code total}, {@code limit},
 * {@code offset}, {@code errors}; traces with {@code traceID}, {@code spans}, {@code processes},
 * {@code warnings}; spans with hex ids, microsecond times, typed tags, logs and references, and a
 * {@code processID} that names one of the trace's processes.
 */
public final class JaegerJsonShape {
  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{16}|[0-9a-f]{32}");
  private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern PROCESS_ID = Pattern.compile("p[1-9][0-9]*");
  private static final Set<String> SPAN_KEYS = Set.of("traceID", "spanID", "flags",
      "operationName", "references", "startTime", "duration", "tags", "logs", "processID",
      "warnings");
  private static final Set<String> TAG_TYPES = Set.of("string", "bool", "int64", "float64",
      "binary");
  /** 2000-01-01 and 2100-01-01 in microseconds: epoch milliseconds or nanoseconds fall outside. */
  private static final long MIN_EPOCH_MICROS = 946_684_800_000_000L;
  private static final long MAX_EPOCH_MICROS = 4_102_444_800_000_000L;
  /** A day in microseconds: no demo span is longer, and a nanosecond duration would be. */
  private static final long MAX_DURATION_MICROS = 86_400_000_000L;
  private static final long JS_MAX_SAFE_INTEGER = (1L << 53) - 1;

  private JaegerJsonShape() {}

  /**
   * Parses {@code text} as a query-API answer, checks it and every trace in it, and returns the
   * traces.
   *
   * @param referencesInTrace when true, every reference to the same trace must name one of its
   *     spans (a complete trace); false allows references to spans that never arrived
   */
  public static List<JsonObject> assertQueryResponse(String text, boolean referencesInTrace) {
    JsonObject response = JsonParser.parseString(text).getAsJsonObject();
    assertEquals(Set.of("data", "total", "limit", "offset", "errors"), response.keySet(), text);
    for (String paging : List.of("total", "limit", "offset")) {
      assertInteger(response.get(paging), paging);
    }
    assertTrue(response.get("errors").isJsonNull(), "errors: " + response.get("errors"));
    JsonArray data = response.getAsJsonArray("data");
    List<JsonObject> traces = new ArrayList<>();
    for (JsonElement trace : data) {
      assertTrace(trace.getAsJsonObject(), referencesInTrace);
      traces.add(trace.getAsJsonObject());
    }
    return traces;
  }

  /** Checks one trace object; see {@link #assertQueryResponse}. */
  public static void assertTrace(JsonObject trace, boolean referencesInTrace) {
    assertEquals(Set.of("traceID", "spans", "processes", "warnings"), trace.keySet());
    String traceId = trace.get("traceID").getAsString();
    assertTrue(TRACE_ID.matcher(traceId).matches(), "traceID " + traceId);
    assertFalse(traceId.length() == 32 && traceId.startsWith("0000000000000000"),
        "a trace id without its high half is written in 16 digits: " + traceId);
    assertNullOrStrings(trace.get("warnings"), "trace warnings");

    JsonObject processes = trace.getAsJsonObject("processes");
    assertFalse(processes.keySet().isEmpty(), "no processes");
    for (String id : processes.keySet()) {
      assertTrue(PROCESS_ID.matcher(id).matches(), "process id " + id);
      JsonObject process = processes.getAsJsonObject(id);
      assertEquals(Set.of("serviceName", "tags"), process.keySet(), id);
      assertFalse(process.get("serviceName").getAsString().isEmpty(), "serviceName of " + id);
      assertTypedValues(process.getAsJsonArray("tags"), "process " + id);
    }

    JsonArray spans = trace.getAsJsonArray("spans");
    assertFalse(spans.isEmpty(), "a trace without spans");
    Set<String> spanIds = new HashSet<>();
    for (JsonElement element : spans) {
      String spanId = element.getAsJsonObject().get("spanID").getAsString();
      assertTrue(spanIds.add(spanId), "span id twice: " + spanId);
    }
    Set<String> usedProcesses = new HashSet<>();
    for (JsonElement element : spans) {
      JsonObject span = element.getAsJsonObject();
      String where = "span " + span.get("spanID") + " of " + traceId;
      assertEquals(SPAN_KEYS, span.keySet(), where);
      assertEquals(traceId, span.get("traceID").getAsString(), where);
      assertTrue(SPAN_ID.matcher(span.get("spanID").getAsString()).matches(), where);
      long flags = assertInteger(span.get("flags"), where + " flags");
      assertTrue(flags >= 0 && flags <= 0xffffffffL, where + " flags " + flags);
      assertTrue(span.get("operationName").getAsJsonPrimitive().isString(), where);
      long start = assertInteger(span.get("startTime"), where + " startTime");
      assertTrue(start >= MIN_EPOCH_MICROS && start <= MAX_EPOCH_MICROS,
          where + " startTime is not epoch microseconds: " + start);
      long duration = assertInteger(span.get("duration"), where + " duration");
      assertTrue(duration >= 0 && duration <= MAX_DURATION_MICROS,
          where + " duration is not microseconds: " + duration);
      assertTypedValues(span.getAsJsonArray("tags"), where + " tags");
      for (JsonElement log : span.getAsJsonArray("logs")) {
        JsonObject entry = log.getAsJsonObject();
        assertEquals(Set.of("timestamp", "fields"), entry.keySet(), where + " log");
        long timestamp = assertInteger(entry.get("timestamp"), where + " log timestamp");
        assertTrue(timestamp >= MIN_EPOCH_MICROS && timestamp <= MAX_EPOCH_MICROS,
            where + " log timestamp is not epoch microseconds: " + timestamp);
        assertTypedValues(entry.getAsJsonArray("fields"), where + " log fields");
      }
      for (JsonElement ref : span.getAsJsonArray("references")) {
        JsonObject reference = ref.getAsJsonObject();
        assertEquals(Set.of("refType", "traceID", "spanID"), reference.keySet(), where);
        String type = reference.get("refType").getAsString();
        assertTrue(type.equals("CHILD_OF") || type.equals("FOLLOWS_FROM"), where + " " + type);
        String refTrace = reference.get("traceID").getAsString();
        String refSpan = reference.get("spanID").getAsString();
        assertTrue(TRACE_ID.matcher(refTrace).matches(), where + " reference " + refTrace);
        assertTrue(SPAN_ID.matcher(refSpan).matches(), where + " reference " + refSpan);
        if (referencesInTrace && refTrace.equals(traceId)) {
          assertTrue(spanIds.contains(refSpan), where + " refers to " + refSpan
              + ", not a span of the trace");
        }
      }
      String processId = span.get("processID").getAsString();
      assertTrue(processes.has(processId), where + " has processID " + processId
          + ", not in " + processes.keySet());
      usedProcesses.add(processId);
      assertNullOrStrings(span.get("warnings"), where + " warnings");
    }
    assertEquals(processes.keySet(), usedProcesses, "processes no span uses");
  }

  /** Each element is {key, type, value} with a value of the JSON type its type names. */
  public static void assertTypedValues(JsonArray values, String where) {
    for (JsonElement element : values) {
      JsonObject kv = element.getAsJsonObject();
      assertEquals(Set.of("key", "type", "value"), kv.keySet(), where);
      String key = kv.get("key").getAsString();
      String type = kv.get("type").getAsString();
      assertTrue(TAG_TYPES.contains(type), where + " " + key + " has type " + type);
      JsonElement value = kv.get("value");
      assertTrue(value.isJsonPrimitive(), where + " " + key + " = " + value);
      JsonPrimitive primitive = value.getAsJsonPrimitive();
      switch (type) {
        case "string" -> assertTrue(primitive.isString(), where + " " + key);
        case "bool" -> assertTrue(primitive.isBoolean(), where + " " + key);
        case "int64" -> {
          if (primitive.isString()) {
            // Jaeger quotes integers a JavaScript number cannot hold exactly.
            long big = Long.parseLong(primitive.getAsString());
            assertTrue(big > JS_MAX_SAFE_INTEGER || big < -JS_MAX_SAFE_INTEGER,
                where + " " + key + " quoted though safe: " + big);
          } else {
            assertInteger(primitive, where + " " + key);
          }
        }
        case "float64" -> assertTrue(primitive.isNumber(), where + " " + key);
        case "binary" -> {
          assertTrue(primitive.isString(), where + " " + key);
          Base64.getDecoder().decode(primitive.getAsString());
        }
        default -> fail(type);
      }
    }
  }

  private static long assertInteger(JsonElement element, String what) {
    assertTrue(element != null && element.isJsonPrimitive()
        && element.getAsJsonPrimitive().isNumber(), what + " is not a number: " + element);
    String text = element.getAsString();
    assertTrue(INTEGER.matcher(text).matches(), what + " is not an integer: " + text);
    return Long.parseLong(text);
  }

  private static void assertNullOrStrings(JsonElement element, String what) {
    if (element.isJsonNull()) {
      return;
    }
    for (JsonElement warning : element.getAsJsonArray()) {
      assertTrue(warning.getAsJsonPrimitive().isString(), what);
    }
  }
}
