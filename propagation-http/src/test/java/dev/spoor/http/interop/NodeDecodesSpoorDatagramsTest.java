package dev.spoor.http.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.spoor.FinishedSpan;
import dev.spoor.LogRecord;
import dev.spoor.SpoorReference;
import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.reporter.CompositeReporter;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.reporter.RemoteReporter;
import dev.spoor.sampler.ConstSampler;
import io.opentracing.References;
import io.opentracing.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spoor's UDP reporter sends its Thrift compact {@code emitBatch} datagrams to a Node process that
 * decodes them with Apache Thrift's JavaScript {@code TCompactProtocol}, field by field after the
 * Jaeger IDL jaeger-client ships. Every span must come out as Spoor recorded it: ids, flags,
 * operation name, times, references, every tag with its type, every log, and the process.
 */
class NodeDecodesSpoorDatagramsTest {
  private static final InteropTable TABLE = new InteropTable(
      "Spoor RemoteReporter (UDP, Thrift compact emitBatch) -> Node thrift decoder");
  private static final String FORMAT = "jaeger.thrift compact";
  private static final String PEER = "thrift TCompactProtocol + jaeger-client IDL";
  private static NodeProcess agent;
  private static int port;

  @BeforeAll
  static void startAgent() {
    agent = NodePeers.start("jaeger-agent.js");
    JsonObject hello = JsonParser.parseString(agent.nextLine()).getAsJsonObject();
    port = hello.get("port").getAsInt();
    System.out.println("Node peers: " + hello.get("versions"));
  }

  @AfterAll
  static void stopAgent() {
    if (agent != null) {
      agent.close();
    }
    TABLE.print();
  }

  @ParameterizedTest(name = "128-bit trace ids: {0}")
  @ValueSource(booleans = {false, true})
  void nodeDecodesEverySpanAsSpoorRecordedIt(boolean wide) {
    InMemoryReporter recorded = new InMemoryReporter();
    SpoorTracer tracer = SpoorTracer.builder("spoor-udp-" + (wide ? 128 : 64))
        .withTag("region", "eu-west").withTag("replicas", 3).traceId128Bit(wide)
        .sampler(new ConstSampler(true))
        .reporter(new CompositeReporter(recorded, RemoteReporter.builder().agentHost("127.0.0.1")
            .agentPort(port).flushInterval(20, TimeUnit.MILLISECONDS).build()))
        .build();
    SpoorTracer unsampledTracer = SpoorTracer.builder("spoor-udp-unsampled")
        .traceId128Bit(wide).sampler(new ConstSampler(false))
        .reporter(RemoteReporter.builder().agentHost("127.0.0.1").agentPort(port)
            .flushInterval(20, TimeUnit.MILLISECONDS).build())
        .build();
    Map<Long, String> kinds = new HashMap<>();
    long unsampledSpanId;
    try {
      Span root = tracer.buildSpan("checkout Zoë ✓").withTag("http.status_code", 200)
          .withTag("ratio", 0.25).withTag("cached", false).withTag("user", "Zoë Doe").start();
      root.setTag("big", Long.MIN_VALUE);
      root.setBaggageItem("cust-name", "Zoë Doe"); // logged as a baggage event
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("event", "charged");
      fields.put("amount", 12.5);
      fields.put("items", 3);
      fields.put("retry", true);
      root.log(fields);
      Span child = tracer.buildSpan("charge").asChildOf(root).start();
      Span follower = tracer.buildSpan("notify").addReference(References.FOLLOWS_FROM,
          root.context()).start();
      Span twoParents = tracer.buildSpan("merge").asChildOf(child)
          .addReference(References.FOLLOWS_FROM, follower.context()).start();
      Span debug = tracer.buildSpan("debug-root").asChildOf(InteropCases.debugRequest()).start();
      Span unsampled = unsampledTracer.buildSpan("not-sampled").start();
      unsampledSpanId = ((SpoorSpanContext) unsampled.context()).spanId();
      for (Span span : new Span[] {twoParents, follower, child, root, debug, unsampled}) {
        span.finish();
      }
      kinds.put(spanId(root), "sampled, tags of 4 types, a log, a baggage log");
      kinds.put(spanId(child), "sampled, child of (parentSpanId only)");
      kinds.put(spanId(follower), "sampled, follows from (references)");
      kinds.put(spanId(twoParents), "sampled, two references");
      kinds.put(spanId(debug), "debug (flags 3, jaeger-debug-id tag)");
    } finally {
      tracer.close(); // flushes the queue
      unsampledTracer.close();
    }
    // Sent after everything else: once its datagram is decoded, the unsampled tracer's would have
    // been too, had it sent one (loopback keeps a sender's datagrams in order).
    String marker = "spoor-udp-marker-" + (wide ? 128 : 64);
    try (SpoorTracer markerTracer = SpoorTracer.builder(marker).sampler(new ConstSampler(true))
        .reporter(RemoteReporter.builder().agentHost("127.0.0.1").agentPort(port).build())
        .build()) {
      markerTracer.buildSpan("marker").start().finish();
    }

    List<FinishedSpan> expected = recorded.spans();
    assertEquals(5, expected.size());
    Map<Long, JsonObject> decoded = new HashMap<>();
    JsonObject process = null;
    boolean markerSeen = false;
    while (decoded.size() < expected.size() || !markerSeen) {
      JsonObject line = JsonParser.parseString(agent.nextLine()).getAsJsonObject();
      assertFalse(line.has("error"), "Node could not decode a datagram: " + line);
      assertEquals("emitBatch", line.get("method").getAsString());
      JsonObject batch = line.getAsJsonObject("args").getAsJsonObject("batch");
      String service = batch.getAsJsonObject("process").get("serviceName").getAsString();
      if (service.equals(unsampledTracer.process().serviceName())) {
        fail("the unsampled tracer sent a batch: " + batch);
      }
      if (service.equals(marker)) {
        markerSeen = true;
        continue;
      }
      if (!service.equals(tracer.process().serviceName())) {
        continue; // a late datagram of the other case
      }
      process = batch.getAsJsonObject("process");
      for (JsonElement span : batch.getAsJsonArray("spans")) {
        JsonObject object = span.getAsJsonObject();
        decoded.put(Long.parseUnsignedLong(object.get("spanId").getAsString(), 16), object);
      }
    }
    assertProcess(tracer, process);
    for (FinishedSpan span : expected) {
      JsonObject node = decoded.get(span.context().spanId());
      assertNotNull(node, "span " + span.operationName() + " decoded");
      String result = "FAILED";
      try {
        assertSpan(span, node);
        result = "ok: " + kinds.get(span.context().spanId()) + ", all fields equal";
      } finally {
        TABLE.add(FORMAT, PEER, "Spoor -> Node", span.context().isDebug() ? "debug" : "sampled",
            InteropCases.ids(wide), span.operationName().equals("checkout Zoë ✓")
                ? "baggage write logged" : "-", result);
      }
    }
    assertFalse(decoded.containsKey(unsampledSpanId));
    TABLE.add(FORMAT, PEER, "Spoor -> Node", "unsampled", InteropCases.ids(wide), "-",
        "ok: not sent (none of its datagrams arrived before a later marker)");
  }

  private static long spanId(Span span) {
    return ((SpoorSpanContext) span.context()).spanId();
  }

  private static void assertProcess(SpoorTracer tracer, JsonObject process) {
    assertEquals(tracer.process().serviceName(), process.get("serviceName").getAsString());
    assertTags(tracer.process().tags(), process.getAsJsonArray("tags"), "process");
  }

  private static void assertSpan(FinishedSpan span, JsonObject node) {
    SpoorSpanContext context = span.context();
    String name = span.operationName();
    assertEquals(InteropCases.hex16(context.traceIdLow()), node.get("traceIdLow").getAsString(), name);
    assertEquals(InteropCases.hex16(context.traceIdHigh()), node.get("traceIdHigh").getAsString(),
        name);
    assertEquals(InteropCases.hex16(context.parentId()), node.get("parentSpanId").getAsString(),
        name);
    assertEquals(name, node.get("operationName").getAsString());
    assertEquals(SpanContextBuilder.jaegerFlagsOf(context), node.get("flags").getAsInt(), name);
    assertEquals(span.startMicros(), i64(node, "startTime"), name);
    assertEquals(span.durationMicros(), i64(node, "duration"), name);

    Map<String, Object> tags = new LinkedHashMap<>();
    for (int i = 0; i < span.tagCount(); i++) {
      tags.put(span.tagKey(i), span.tagValue(i));
    }
    assertTags(tags, node.getAsJsonArray("tags"), name);

    List<LogRecord> logs = span.logs();
    JsonArray nodeLogs = node.has("logs") ? node.getAsJsonArray("logs") : new JsonArray();
    assertEquals(logs.size(), nodeLogs.size(), name + " logs");
    for (int i = 0; i < logs.size(); i++) {
      JsonObject log = nodeLogs.get(i).getAsJsonObject();
      assertEquals(logs.get(i).timestampMicros(), i64(log, "timestamp"), name + " log " + i);
      assertTags(logs.get(i).fields(), log.getAsJsonArray("fields"), name + " log " + i);
    }

    // Like jaeger-client-java: a lone child-of is only parentSpanId; anything else is listed.
    List<SpoorReference> references = span.references();
    boolean listed = references.size() > 1
        || (references.size() == 1 && !references.get(0).isChildOf());
    assertEquals(listed, node.has("references"), name + " references");
    if (listed) {
      JsonArray nodeReferences = node.getAsJsonArray("references");
      assertEquals(references.size(), nodeReferences.size(), name);
      for (int i = 0; i < references.size(); i++) {
        JsonObject reference = nodeReferences.get(i).getAsJsonObject();
        SpoorSpanContext target = references.get(i).context();
        assertEquals(references.get(i).isChildOf() ? "CHILD_OF" : "FOLLOWS_FROM",
            reference.get("refType").getAsString(), name);
        assertEquals(InteropCases.hex16(target.traceIdLow()),
            reference.get("traceIdLow").getAsString(), name);
        assertEquals(InteropCases.hex16(target.traceIdHigh()),
            reference.get("traceIdHigh").getAsString(), name);
        assertEquals(InteropCases.hex16(target.spanId()), reference.get("spanId").getAsString(),
            name);
      }
    }
  }

  /** The tags in order, each with the Jaeger type Spoor's value maps to and the exact value. */
  private static void assertTags(Map<String, ?> expected, JsonArray tags, String where) {
    List<String> keys = new ArrayList<>(expected.keySet());
    if (tags == null) {
      tags = new JsonArray(); // an optional list Spoor leaves out when it is empty
    }
    assertEquals(keys.size(), tags.size(), where + ": " + tags);
    for (int i = 0; i < keys.size(); i++) {
      JsonObject tag = tags.get(i).getAsJsonObject();
      Object value = expected.get(keys.get(i));
      String what = where + " tag " + keys.get(i);
      assertEquals(keys.get(i), tag.get("key").getAsString(), what);
      if (value instanceof Boolean) {
        assertEquals("BOOL", tag.get("vType").getAsString(), what);
        assertEquals(value, tag.get("vBool").getAsBoolean(), what);
      } else if (value instanceof Double || value instanceof Float) {
        assertEquals("DOUBLE", tag.get("vType").getAsString(), what);
        assertEquals(((Number) value).doubleValue(), tag.get("vDouble").getAsDouble(), what);
      } else if (value instanceof Number) {
        assertEquals("LONG", tag.get("vType").getAsString(), what);
        assertEquals(((Number) value).longValue(), i64(tag, "vLong"), what);
      } else {
        assertEquals("STRING", tag.get("vType").getAsString(), what);
        assertEquals(String.valueOf(value), tag.get("vStr").getAsString(), what);
      }
      assertEquals(3, tag.size(), what + " has only key, vType and its value: " + tag);
    }
  }

  private static long i64(JsonObject object, String field) {
    return Long.parseUnsignedLong(object.get(field).getAsString(), 16);
  }
}
