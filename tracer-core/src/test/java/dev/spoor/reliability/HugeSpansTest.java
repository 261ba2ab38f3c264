package dev.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.reporter.SpanBatcher;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.AgentReceiver;
import dev.spoor.reporter.RemoteReporter;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.Tag;
import io.opentracing.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spans no sane application makes, but a bug or hostile data can: megabyte tag values, thousands
 * of tags and logs, 10,000 levels of nesting, 100 KB operation names. Memory stays bounded, no
 * datagram exceeds the limit, and whatever is cut is counted.
 */
class HugeSpansTest {
  private static final int MAX_PACKET = 65000;

  private AgentReceiver agent;
  private SpoorTracer tracer;

  @BeforeEach
  void start() throws Exception {
    agent = new AgentReceiver();
    tracer = SpoorTracer.builder("huge").reporter(RemoteReporter.builder()
        .agentHost("127.0.0.1").agentPort(agent.port()).maxQueueSize(20_000)
        .flushInterval(5, TimeUnit.MILLISECONDS).build()).build();
  }

  @AfterEach
  void stop() {
    tracer.close();
    agent.close();
  }

  @Test
  void megabyteTagValuesAreCutToFitAndTheirBuffersAreNotKept() {
    long heapBefore = usedHeapAfterGc();
    for (int i = 0; i < 5; i++) {
      tracer.buildSpan("huge-tag").withTag("small", "kept")
          .withTag("payload", "\u20ac".repeat(4 << 20)).start().finish(); // 12 MB of UTF-8
    }
    tracer.buildSpan("normal").start().finish();
    List<Span> spans = agent.awaitSpans(6);
    long heapGrowth = usedHeapAfterGc() - heapBefore;

    for (Span span : spans.subList(0, 5)) {
      Map<String, Tag> tags = tagsByKey(span);
      assertEquals("kept", tags.get("small").getVStr());
      assertTrue(tags.get(SpanBatcher.TRUNCATED_TAG).getVStr().startsWith("dropped 1 tag"));
    }
    assertEquals(5, tracer.metrics().get(Metric.SPANS_TRUNCATED));
    assertDatagramsWithinLimit();
    // The spans are gone; what remains is the reporter's working memory, not their size.
    assertTrue(heapGrowth < 8L << 20, "heap grew by " + heapGrowth + " bytes");
  }

  @Test
  void thousandsOfTagsAndLogsAreCappedAndCounted() {
    io.opentracing.Span span = tracer.buildSpan("crowded").start();
    int tracerTags = ((dev.spoor.FinishedSpan) span).tagCount(); // the sampler's on a root span
    for (int i = 0; i < 5000; i++) {
      span.setTag("tag-" + i, i);
      span.log("log " + i);
    }
    span.finish();

    Span received = agent.awaitSpans(1).get(0);
    assertEquals(256, received.getTagsSize());
    assertEquals(256, received.getLogsSize());
    SpoorMetrics metrics = tracer.metrics();
    assertEquals(5000 - (256 - tracerTags), metrics.get(Metric.TAGS_DROPPED));
    assertEquals(5000 - 256, metrics.get(Metric.LOGS_DROPPED));
    assertDatagramsWithinLimit();
  }

  @Test
  void tenThousandNestedSpansAreReportedWithTheirParents() {
    int depth = 10_000;
    List<Scope> scopes = new ArrayList<>(depth);
    List<io.opentracing.Span> spans = new ArrayList<>(depth);
    for (int i = 0; i < depth; i++) {
      io.opentracing.Span span = tracer.buildSpan("level-" + i).start();
      spans.add(span);
      scopes.add(tracer.activateSpan(span));
    }
    for (int i = depth - 1; i >= 0; i--) {
      scopes.get(i).close();
      spans.get(i).finish();
    }
    assertEquals(null, tracer.activeSpan(), "every scope closed");

    Map<Long, Long> parentOf = new HashMap<>();
    for (Span span : agent.awaitSpans(depth)) {
      parentOf.put(span.getSpanId(), span.getParentSpanId());
    }
    assertEquals(depth, parentOf.size());
    for (int i = 1; i < depth; i++) {
      long id = ((SpoorSpanContext) spans.get(i).context()).spanId();
      long parent = ((SpoorSpanContext) spans.get(i - 1).context()).spanId();
      assertEquals(parent, parentOf.get(id), "parent of level " + i);
    }
    assertDatagramsWithinLimit();
  }

  @Test
  void operationNamesOf100KilobytesArriveShortenedAndCountedAsTruncated() {
    tracer.buildSpan("n".repeat(100 * 1024)).withTag("small", "x").start().finish();
    tracer.buildSpan("\u00e9".repeat(100 * 1024)).start().finish(); // 200 KB of UTF-8
    io.opentracing.Span renamed = tracer.buildSpan("short").start();
    renamed.setOperationName("r".repeat(100 * 1024));
    renamed.finish();
    tracer.buildSpan("w".repeat(30 * 1024)).start().finish(); // large but fits
    tracer.buildSpan("after").start().finish();

    List<Span> spans = agent.awaitSpans(5);
    assertEquals("n".repeat(1024) + "...", spans.get(0).getOperationName());
    assertEquals("\u00e9".repeat(1024) + "...", spans.get(1).getOperationName());
    assertEquals("r".repeat(1024) + "...", spans.get(2).getOperationName());
    assertEquals(30 * 1024, spans.get(3).getOperationName().length());
    assertEquals("after", spans.get(4).getOperationName());
    for (int i = 0; i < 3; i++) {
      String note = tagsByKey(spans.get(i)).get(SpanBatcher.TRUNCATED_TAG).getVStr();
      assertTrue(note.contains("shortened the operation name of 102400 characters to 1024"), note);
    }
    assertFalse(tagsByKey(spans.get(0)).containsKey("small"), "tags go before the name");
    assertEquals(3, tracer.metrics().get(Metric.SPANS_TRUNCATED));
    assertEquals(0, tracer.metrics().get(Metric.SPANS_DROPPED_TOO_LARGE));
    assertDatagramsWithinLimit();
  }

  private void assertDatagramsWithinLimit() {
    for (int size : agent.datagramSizes()) {
      assertTrue(size <= MAX_PACKET, "datagram of " + size + " bytes");
    }
  }

  private static Map<String, Tag> tagsByKey(Span span) {
    Map<String, Tag> tags = new HashMap<>();
    for (Tag tag : span.getTags()) {
      tags.put(tag.getKey(), tag);
    }
    return tags;
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
