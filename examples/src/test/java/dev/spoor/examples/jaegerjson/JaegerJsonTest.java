package dev.spoor.examples.jaegerjson;

import static dev.spoor.examples.testing.JaegerDatagrams.batch;
import static dev.spoor.examples.testing.JaegerDatagrams.boolTag;
import static dev.spoor.examples.testing.JaegerDatagrams.encode;
import static dev.spoor.examples.testing.JaegerDatagrams.send;
import static dev.spoor.examples.testing.JaegerDatagrams.span;
import static dev.spoor.examples.testing.JaegerDatagrams.stringTag;
import static dev.spoor.examples.testing.JaegerDatagrams.withTags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.agent.InProcessJaegerAgent;
import dev.spoor.examples.agent.ReceivedSpan;
import dev.spoor.examples.testing.JaegerJsonShape;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Sends spans with every tag type, references of both kinds and awkward text as real datagrams to
 * the in-process agent, writes the decoded trace as Jaeger JSON and reads it back with Gson: the
 * shape Jaeger's query API returns, with the values the Thrift decoder saw.
 */
class JaegerJsonTest {
  private static final long HIGH = 0x463ac35c9f6413adL;
  private static final long LOW = 0x72e4a9ab4ac6e9d1L;
  private static final long T0 = 1_796_000_000_000_000L;
  private static final String AWKWARD = "quote \" back \\ line\nbreak </script> & é 😀";

  private static Span span128(long spanId, long parentId, String operation, long start,
      long duration) {
    return span(LOW, spanId, parentId, operation, start, duration).setTraceIdHigh(HIGH);
  }

  private static AssembledTrace decode(long high, long low, int spans, Batch... batches)
      throws Exception {
    try (InProcessJaegerAgent agent = InProcessJaegerAgent.start()) {
      for (Batch batch : batches) {
        send(encode(batch), agent.port());
      }
      String id = dev.spoor.examples.agent.TraceIds.traceIdHex(high, low);
      return agent.awaitTrace(id, spans, Duration.ofSeconds(10));
    }
  }

  @Test
  void writesADecodedTraceAsJaegersQueryApiReturnsIt() throws Exception {
    Span root = withTags(span128(0xa1, 0, AWKWARD, T0, 10_000),
        stringTag("span.kind", "server"), boolTag("error", true),
        new Tag("order.items", TagType.LONG).setVLong(3),
        new Tag("big", TagType.LONG).setVLong(1L << 60),
        new Tag("ratio", TagType.DOUBLE).setVDouble(0.25),
        new Tag("blob", TagType.BINARY).setVBinary(new byte[] {0, 0, 48, 57}));
    root.setLogs(List.of(new Log(T0 + 2_500, List.of(stringTag("event", "cart.loaded"),
        new Tag("items", TagType.LONG).setVLong(3)))));
    // The parent is named twice, by parentSpanId and by a CHILD_OF reference: one reference.
    Span child = span128(0xb2, 0xa1, "POST /cart", T0 + 1_000, 8_000).setReferences(List.of(
        new SpanRef(SpanRefType.CHILD_OF, LOW, HIGH, 0xa1),
        new SpanRef(SpanRefType.FOLLOWS_FROM, LOW, HIGH, 0xc3)));
    // Only a reference, no parentSpanId, as OpenTracing clients other than Jaeger's send them.
    Span worker = span128(0xc3, 0, "work", T0 + 9_000, 500).setReferences(List.of(
        new SpanRef(SpanRefType.CHILD_OF, LOW, HIGH, 0xa1)));
    Batch gateway = batch("gateway", root);
    gateway.getProcess().setTags(List.of(stringTag("hostname", "vm-1"),
        new Tag("pid", TagType.LONG).setVLong(4242)));
    Batch gatewayAgain = batch("gateway", child);
    gatewayAgain.getProcess().setTags(gateway.getProcess().getTags());
    AssembledTrace trace = decode(HIGH, LOW, 3, gateway, batch("worker", worker), gatewayAgain);

    String text = JaegerJson.queryResponse(List.of(trace));
    JsonObject json = JaegerJsonShape.assertQueryResponse(text, true).get(0);

    assertEquals("463ac35c9f6413ad72e4a9ab4ac6e9d1", json.get("traceID").getAsString());
    Map<String, JsonObject> spans = new HashMap<>();
    for (JsonElement span : json.getAsJsonArray("spans")) {
      spans.put(span.getAsJsonObject().get("spanID").getAsString(), span.getAsJsonObject());
    }
    JsonObject a = spans.get("00000000000000a1");
    JsonObject b = spans.get("00000000000000b2");
    JsonObject c = spans.get("00000000000000c3");
    assertEquals(AWKWARD, a.get("operationName").getAsString());
    assertEquals(T0, a.get("startTime").getAsLong());
    assertEquals(10_000, a.get("duration").getAsLong());
    assertEquals(1, a.get("flags").getAsInt());
    assertTrue(a.get("warnings").isJsonNull());
    assertEquals(0, a.getAsJsonArray("references").size());
    assertEquals(List.of("CHILD_OF 00000000000000a1", "FOLLOWS_FROM 00000000000000c3"),
        references(b));
    assertEquals(List.of("CHILD_OF 00000000000000a1"), references(c));
    assertEquals(List.of("span.kind string \"server\"", "error bool true",
        "order.items int64 3", "big int64 \"1152921504606846976\"", "ratio float64 0.25",
        "blob binary \"AAAwOQ==\""), typed(a.getAsJsonArray("tags")));
    JsonObject log = a.getAsJsonArray("logs").get(0).getAsJsonObject();
    assertEquals(T0 + 2_500, log.get("timestamp").getAsLong());
    assertEquals(List.of("event string \"cart.loaded\"", "items int64 3"),
        typed(log.getAsJsonArray("fields")));
    // One process per distinct service and tags, numbered in order of first use.
    assertEquals("p1", a.get("processID").getAsString());
    assertEquals("p1", b.get("processID").getAsString());
    assertEquals("p2", c.get("processID").getAsString());
    JsonObject processes = json.getAsJsonObject("processes");
    assertEquals("gateway", processes.getAsJsonObject("p1").get("serviceName").getAsString());
    assertEquals(List.of("hostname string \"vm-1\"", "pid int64 4242"),
        typed(processes.getAsJsonObject("p1").getAsJsonArray("tags")));
    assertEquals("worker", processes.getAsJsonObject("p2").get("serviceName").getAsString());
    // Ids, times and durations are those the Thrift decoder read.
    for (ReceivedSpan received : trace.spans()) {
      JsonObject span = spans.get(dev.spoor.examples.agent.TraceIds.spanIdHex(received.spanId()));
      assertEquals(received.startMicros(), span.get("startTime").getAsLong());
      assertEquals(received.durationMicros(), span.get("duration").getAsLong());
    }
    // Safe to embed in HTML as it is, and plain UTF-8.
    assertFalse(text.contains("</script>"), text);
    assertTrue(text.contains("\\u003c/script\\u003e"), text);
    assertTrue(text.contains("é 😀"), text);
  }

  @Test
  void writesA64BitTraceIdInSixteenDigitsAndKeepsAReferenceToASpanThatNeverArrived()
      throws Exception {
    Span orphan = span(0x00c0ffeeL, 0x2, 0x1, "late", T0, 1_000);
    AssembledTrace trace = decode(0L, 0x00c0ffeeL, 1, batch("inventory", orphan));

    String text = JaegerJson.queryResponse(List.of(trace));
    JsonObject json = JaegerJsonShape.assertQueryResponse(text, false).get(0);

    assertEquals("0000000000c0ffee", json.get("traceID").getAsString());
    assertEquals(List.of("CHILD_OF 0000000000000001"),
        references(json.getAsJsonArray("spans").get(0).getAsJsonObject()));
    // The shape check of a complete trace catches the dangling reference.
    AssertionFailedError dangling = assertThrows(AssertionFailedError.class,
        () -> JaegerJsonShape.assertQueryResponse(text, true));
    assertTrue(dangling.getMessage().contains("refers to 0000000000000001"),
        dangling.getMessage());
  }

  @Test
  void addsTheParentSpanIdAsALeadingChildOfReferenceUnlessOneNamesItAlready() {
    Span span = span(LOW, 9, 5, "op", T0, 1);
    assertEquals(List.of("CHILD_OF 5"), refs(JaegerJson.references(span)));
    span.setReferences(List.of(new SpanRef(SpanRefType.FOLLOWS_FROM, LOW, 0, 7)));
    assertEquals(List.of("CHILD_OF 5", "FOLLOWS_FROM 7"), refs(JaegerJson.references(span)));
    // A FOLLOWS_FROM to the parent does not stand for the parent's CHILD_OF (Jaeger checks both).
    span.setReferences(List.of(new SpanRef(SpanRefType.FOLLOWS_FROM, LOW, 0, 5)));
    assertEquals(List.of("CHILD_OF 5", "FOLLOWS_FROM 5"), refs(JaegerJson.references(span)));
    span.setReferences(List.of(new SpanRef(SpanRefType.FOLLOWS_FROM, LOW, 0, 7),
        new SpanRef(SpanRefType.CHILD_OF, LOW, 0, 5)));
    assertEquals(List.of("FOLLOWS_FROM 7", "CHILD_OF 5"), refs(JaegerJson.references(span)));
    span.setParentSpanId(0);
    assertEquals(List.of("FOLLOWS_FROM 7", "CHILD_OF 5"), refs(JaegerJson.references(span)));
  }

  @Test
  void writesTheQueryServicesEnvelopeAroundTheTraces() {
    String text = JaegerJson.queryResponse(List.of());

    assertEquals("{\n  \"data\": [],\n  \"total\": 0,\n  \"limit\": 0,\n  \"offset\": 0,\n"
        + "  \"errors\": null\n}\n", text);
    assertEquals(0, JaegerJsonShape.assertQueryResponse(text, true).size());
    assertTrue(text.getBytes(StandardCharsets.UTF_8).length > 0);
  }

  private static List<String> refs(List<SpanRef> references) {
    List<String> out = new ArrayList<>();
    for (SpanRef ref : references) {
      out.add(ref.getRefType() + " " + Long.toHexString(ref.getSpanId()));
    }
    return out;
  }

  private static List<String> references(JsonObject span) {
    List<String> out = new ArrayList<>();
    for (JsonElement ref : span.getAsJsonArray("references")) {
      JsonObject reference = ref.getAsJsonObject();
      assertEquals(span.get("traceID"), reference.get("traceID"));
      out.add(reference.get("refType").getAsString() + " " + reference.get("spanID").getAsString());
    }
    return out;
  }

  private static List<String> typed(JsonArray values) {
    List<String> out = new ArrayList<>();
    for (JsonElement value : values) {
      JsonObject kv = value.getAsJsonObject();
      out.add(kv.get("key").getAsString() + " " + kv.get("type").getAsString() + " "
          + kv.get("value"));
    }
    return out;
  }
}
