package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.metrics.Metric;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import io.opentracing.References;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every field Spoor sends, as the real jaeger-thrift classes decode it. */
class RemoteReporterWireFormatTest {
  private static final long START = 1_700_000_000_123_456L;

  private AgentReceiver agent;
  private SpoorTracer tracer;

  @BeforeEach
  void startAgentAndTracer() throws Exception {
    agent = new AgentReceiver();
    RemoteReporter reporter = RemoteReporter.builder()
        .agentHost("127.0.0.1")
        .agentPort(agent.port())
        .maxQueueSize(1000)
        .build();
    tracer = SpoorTracer.builder("checkout")
        .reporter(reporter)
        .withTag("datacenter", "eu-west")
        .withTag("shard", 7)
        .withTag("canary", true)
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    tracer.close();
    agent.close();
  }

  @Test
  void sendsIdsParentFlagsAndMicrosOfAChildSpan() {
    SpoorSpanContext remoteParent = new SpanContextBuilder().traceIdHigh(0x1122334455667788L)
        .traceIdLow(0x99AABBCCDDEEFF00L).spanId(0x0102030405060708L)
        .sampled(true).debug(true).build();
    io.opentracing.Span child = tracer.buildSpan("charge card")
        .asChildOf(remoteParent)
        .withStartTimestamp(START)
        .start();
    child.finish(START + 2_500);

    Span span = onlySpan();
    SpoorSpanContext context = (SpoorSpanContext) child.context();
    assertEquals(0x1122334455667788L, span.getTraceIdHigh());
    assertEquals(0x99AABBCCDDEEFF00L, span.getTraceIdLow());
    assertEquals(context.spanId(), span.getSpanId());
    assertEquals(0x0102030405060708L, span.getParentSpanId());
    assertEquals("charge card", span.getOperationName());
    assertEquals(3, span.getFlags());
    assertEquals(START, span.getStartTime());
    assertEquals(2_500, span.getDuration());
    assertFalse(span.isSetReferences(), "one child_of is the parent id, as in jaeger-client-java");
    assertFalse(span.isSetLogs());
  }

  @Test
  void sendsARootSpanWithZeroParentAndA64BitTraceIdWithZeroHigh() {
    SpoorTracer narrow = SpoorTracer.builder("legacy")
        .traceId128Bit(false)
        .reporter(RemoteReporter.builder().agentHost("127.0.0.1").agentPort(agent.port()).build())
        .build();
    io.opentracing.Span root = narrow.buildSpan("root").start();
    root.finish();
    narrow.close();

    Span span = agent.awaitSpans(1).get(0);
    SpoorSpanContext context = (SpoorSpanContext) root.context();
    assertEquals(0L, span.getTraceIdHigh());
    assertEquals(context.traceIdLow(), span.getTraceIdLow());
    assertEquals(0L, span.getParentSpanId());
    assertEquals(1, span.getFlags());
  }

  @Test
  void sendsEveryReferenceWhenThereAreSeveralOrAFollowsFrom() {
    io.opentracing.Span first = tracer.buildSpan("first").start();
    io.opentracing.Span second = tracer.buildSpan("second").start();
    io.opentracing.Span joined = tracer.buildSpan("join")
        .addReference(References.FOLLOWS_FROM, first.context())
        .addReference(References.CHILD_OF, second.context())
        .start();
    io.opentracing.Span followed = tracer.buildSpan("later")
        .addReference(References.FOLLOWS_FROM, first.context())
        .start();
    joined.finish();
    followed.finish();
    tracer.close();

    List<Span> spans = agent.awaitSpans(2);
    Span join = byName(spans, "join");
    SpoorSpanContext firstContext = (SpoorSpanContext) first.context();
    SpoorSpanContext secondContext = (SpoorSpanContext) second.context();
    assertEquals(secondContext.spanId(), join.getParentSpanId(), "the first child_of is the parent");
    assertEquals(2, join.getReferencesSize());
    assertReference(join.getReferences().get(0), SpanRefType.FOLLOWS_FROM, firstContext);
    assertReference(join.getReferences().get(1), SpanRefType.CHILD_OF, secondContext);

    Span later = byName(spans, "later");
    assertEquals(firstContext.spanId(), later.getParentSpanId());
    assertEquals(1, later.getReferencesSize());
    assertReference(later.getReferences().get(0), SpanRefType.FOLLOWS_FROM, firstContext);
  }

  @Test
  void sendsTagsWithTheirTypes() {
    byte[] payload = {0, 1, 2, (byte) 0xFF};
    io.opentracing.Span span = tracer.buildSpan("typed").withStartTimestamp(START).start();
    span.setTag("string", "value");
    span.setTag("unicode", "grüße 🌍 \uD800 end");
    span.setTag("bool", true);
    span.setTag("false", false);
    span.setTag("int", Integer.MIN_VALUE);
    span.setTag("long", Long.MAX_VALUE);
    span.setTag("short", (short) -12);
    span.setTag("byte", (byte) 7);
    span.setTag("double", -1.25e300);
    span.setTag("float", 0.5f);
    span.setTag("decimal", new BigDecimal("12.50"));
    span.setTag(new io.opentracing.tag.AbstractTag<byte[]>("binary") {
      @Override
      public void set(io.opentracing.Span target, byte[] value) {
        target.setTag(this, value);
      }
    }, payload);
    span.setTag(new io.opentracing.tag.AbstractTag<Object>("object") {
      @Override
      public void set(io.opentracing.Span target, Object value) {
        target.setTag(this, value);
      }
    }, new Object() {
      @Override
      public String toString() {
        return "custom";
      }
    });
    span.finish(START + 1);

    Map<String, Tag> tags = byKey(onlySpan().getTags());
    assertTag(tags.get("string"), TagType.STRING, "value");
    assertTag(tags.get("unicode"), TagType.STRING, "grüße 🌍 ? end");
    assertEquals(TagType.BOOL, tags.get("bool").getVType());
    assertTrue(tags.get("bool").isVBool());
    assertTrue(tags.get("false").isSetVBool());
    assertFalse(tags.get("false").isVBool());
    assertLong(tags.get("int"), Integer.MIN_VALUE);
    assertLong(tags.get("long"), Long.MAX_VALUE);
    assertLong(tags.get("short"), -12);
    assertLong(tags.get("byte"), 7);
    assertEquals(TagType.DOUBLE, tags.get("double").getVType());
    assertEquals(-1.25e300, tags.get("double").getVDouble());
    assertEquals(0.5, tags.get("float").getVDouble());
    assertTag(tags.get("decimal"), TagType.STRING, "12.50");
    assertEquals(TagType.BINARY, tags.get("binary").getVType());
    assertArrayEquals(payload, tags.get("binary").getVBinary());
    assertTag(tags.get("object"), TagType.STRING, "custom");
    assertEquals(13, tags.size() - 2, "the root span also has sampler.type and sampler.param");
    assertTag(tags.get("sampler.type"), TagType.STRING, "const");
  }

  @Test
  void sendsManyTagsBeyondTheShortListForm() {
    io.opentracing.Span span = tracer.buildSpan("wide").start();
    for (int i = 0; i < 40; i++) {
      span.setTag("tag-" + i, i);
    }
    span.finish();

    List<Tag> tags = new java.util.ArrayList<>(onlySpan().getTags());
    tags.removeIf(tag -> tag.getKey().startsWith("sampler."));
    assertEquals(40, tags.size());
    for (int i = 0; i < 40; i++) {
      assertEquals("tag-" + i, tags.get(i).getKey());
      assertEquals(i, tags.get(i).getVLong());
    }
  }

  @Test
  void sendsLogsWithTimestampsAndTypedFields() {
    io.opentracing.Span span = tracer.buildSpan("logged").withStartTimestamp(START).start();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("event", "retry");
    fields.put("attempt", 2);
    fields.put("backoff.seconds", 0.25);
    fields.put("final", false);
    span.log(START + 10, fields);
    span.log(START + 20, "done");
    span.finish(START + 30);

    List<Log> logs = onlySpan().getLogs();
    assertEquals(2, logs.size());
    assertEquals(START + 10, logs.get(0).getTimestamp());
    Map<String, Tag> first = byKey(logs.get(0).getFields());
    assertTag(first.get("event"), TagType.STRING, "retry");
    assertLong(first.get("attempt"), 2);
    assertEquals(0.25, first.get("backoff.seconds").getVDouble());
    assertEquals(TagType.BOOL, first.get("final").getVType());
    assertFalse(first.get("final").isVBool());
    assertEquals(START + 20, logs.get(1).getTimestamp());
    assertTag(byKey(logs.get(1).getFields()).get("event"), TagType.STRING, "done");
  }

  @Test
  void sendsTheProcessOncePerBatchWithServiceNameAndTags() {
    tracer.buildSpan("one").start().finish();
    tracer.buildSpan("two").start().finish();
    tracer.close();

    agent.awaitSpans(2);
    List<Batch> batches = agent.batches();
    assertEquals(1, batches.size());
    Batch batch = batches.get(0);
    assertEquals("checkout", batch.getProcess().getServiceName());
    Map<String, Tag> tags = byKey(batch.getProcess().getTags());
    assertTag(tags.get("datacenter"), TagType.STRING, "eu-west");
    assertLong(tags.get("shard"), 7);
    assertTrue(tags.get("canary").isVBool());
    assertTrue(tags.get("jaeger.version").getVStr().startsWith("Spoor-Java-"));
    assertEquals(2, batch.getSpansSize());
    assertEquals(2, tracer.metrics().get(Metric.SPANS_SENT));
    assertEquals(1, tracer.metrics().get(Metric.DATAGRAMS_SENT));
  }

  private Span onlySpan() {
    tracer.close();
    List<Span> spans = agent.awaitSpans(1);
    assertEquals(1, spans.size());
    return spans.get(0);
  }

  private static Span byName(List<Span> spans, String name) {
    for (Span span : spans) {
      if (span.getOperationName().equals(name)) {
        return span;
      }
    }
    throw new AssertionError("no span named " + name + " in " + spans);
  }

  private static Map<String, Tag> byKey(List<Tag> tags) {
    Map<String, Tag> result = new HashMap<>();
    for (Tag tag : tags) {
      result.put(tag.getKey(), tag);
    }
    return result;
  }

  private static void assertReference(SpanRef reference, SpanRefType type, SpoorSpanContext to) {
    assertEquals(type, reference.getRefType());
    assertEquals(to.traceIdHigh(), reference.getTraceIdHigh());
    assertEquals(to.traceIdLow(), reference.getTraceIdLow());
    assertEquals(to.spanId(), reference.getSpanId());
  }

  private static void assertTag(Tag tag, TagType type, String value) {
    assertEquals(type, tag.getVType());
    assertEquals(value, tag.getVStr());
  }

  private static void assertLong(Tag tag, long value) {
    assertEquals(TagType.LONG, tag.getVType());
    assertEquals(value, tag.getVLong());
  }
}
