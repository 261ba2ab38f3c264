package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.metrics.Metric;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.sampler.SamplingDecision;
import io.opentracing.References;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.tag.Tags;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpanBuilderTest {
  private final ManualClock clock = new ManualClock(1_700_000_000_000_000L);
  private final InMemoryReporter reporter = new InMemoryReporter();
  private final SpoorTracer tracer =
      SpoorTracer.builder("builder-test").reporter(reporter).clock(clock).build();

  @AfterEach
  void closeTracer() {
    tracer.close();
  }

  @Test
  void startsARootSpanWithA128BitTraceIdByDefault() {
    SpoorSpan span = (SpoorSpan) tracer.buildSpan("root").start();
    SpoorSpanContext context = span.context();
    assertNotEquals(0L, context.traceIdHigh());
    assertNotEquals(0L, context.traceIdLow());
    assertNotEquals(0L, context.spanId());
    assertEquals(0L, context.parentId());
    assertEquals(32, context.toTraceId().length());
    assertTrue(span.references().isEmpty());
  }

  @Test
  void startsARootSpanWithA64BitTraceIdWhenConfigured() {
    try (SpoorTracer tracer64 = SpoorTracer.builder("svc").traceId128Bit(false).build()) {
      SpoorSpanContext context = (SpoorSpanContext) tracer64.buildSpan("root").start().context();
      assertEquals(0L, context.traceIdHigh());
      assertNotEquals(0L, context.traceIdLow());
      assertEquals(16, context.toTraceId().length());
    }
  }

  @Test
  void aChildOfASpanContextJoinsItsParentsTrace() {
    Span parent = tracer.buildSpan("parent").start();
    SpoorSpan child = (SpoorSpan) tracer.buildSpan("child").asChildOf(parent.context()).start();
    SpoorSpanContext p = (SpoorSpanContext) parent.context();
    assertEquals(p.traceIdHigh(), child.context().traceIdHigh());
    assertEquals(p.traceIdLow(), child.context().traceIdLow());
    assertEquals(p.spanId(), child.context().parentId());
    assertNotEquals(p.spanId(), child.context().spanId());
    assertEquals(1, child.references().size());
    assertEquals(References.CHILD_OF, child.references().get(0).type());
    assertEquals(p, child.references().get(0).context());
  }

  @Test
  void aChildOfASpanJoinsItsParentsTrace() {
    Span parent = tracer.buildSpan("parent").start();
    SpoorSpan child = (SpoorSpan) tracer.buildSpan("child").asChildOf(parent).start();
    assertEquals(parent.context().toTraceId(), child.context().toTraceId());
    assertEquals(((SpoorSpanContext) parent.context()).spanId(), child.context().parentId());
  }

  @Test
  void keepsEveryReferenceAndPrefersAChildOfParentOverAFollowsFrom() {
    SpoorSpanContext first = (SpoorSpanContext) tracer.buildSpan("a").start().context();
    SpoorSpanContext second = (SpoorSpanContext) tracer.buildSpan("b").start().context();
    SpoorSpan span = (SpoorSpan) tracer.buildSpan("joined")
        .addReference(References.FOLLOWS_FROM, first)
        .addReference(References.CHILD_OF, second)
        .start();
    assertEquals(2, span.references().size());
    assertEquals(References.FOLLOWS_FROM, span.references().get(0).type());
    assertEquals(first, span.references().get(0).context());
    assertEquals(References.CHILD_OF, span.references().get(1).type());
    assertEquals(second.traceIdLow(), span.context().traceIdLow());
    assertEquals(second.spanId(), span.context().parentId());
  }

  @Test
  void aFollowsFromReferenceAloneMakesTheParent() {
    SpoorSpanContext cause = (SpoorSpanContext) tracer.buildSpan("cause").start().context();
    SpoorSpan span = (SpoorSpan) tracer.buildSpan("effect")
        .addReference(References.FOLLOWS_FROM, cause).start();
    assertEquals(cause.traceIdLow(), span.context().traceIdLow());
    assertEquals(cause.spanId(), span.context().parentId());
    assertFalse(span.references().get(0).isChildOf());
  }

  @Test
  void theActiveSpanIsTheImplicitParent() {
    Span parent = tracer.buildSpan("parent").start();
    try (Scope ignored = tracer.activateSpan(parent)) {
      SpoorSpan child = (SpoorSpan) tracer.buildSpan("child").start();
      assertEquals(((SpoorSpanContext) parent.context()).spanId(), child.context().parentId());
    }
  }

  @Test
  void ignoringTheActiveSpanStartsANewTrace() {
    Span parent = tracer.buildSpan("parent").start();
    try (Scope ignored = tracer.activateSpan(parent)) {
      SpoorSpan root = (SpoorSpan) tracer.buildSpan("root").ignoreActiveSpan().start();
      assertEquals(0L, root.context().parentId());
      assertNotEquals(parent.context().toTraceId(), root.context().toTraceId());
    }
  }

  @Test
  void anExplicitParentWinsOverTheActiveSpan() {
    Span active = tracer.buildSpan("active").start();
    Span explicit = tracer.buildSpan("explicit").start();
    try (Scope ignored = tracer.activateSpan(active)) {
      SpoorSpan child = (SpoorSpan) tracer.buildSpan("child").asChildOf(explicit).start();
      assertEquals(((SpoorSpanContext) explicit.context()).spanId(), child.context().parentId());
    }
  }

  @Test
  void nullOrForeignParentsAreIgnored() {
    SpoorSpan span = (SpoorSpan) tracer.buildSpan("root")
        .asChildOf((Span) null)
        .asChildOf((io.opentracing.SpanContext) null)
        .addReference(References.CHILD_OF, io.opentracing.noop.NoopTracerFactory.create().buildSpan("x").start().context())
        .start();
    assertEquals(0L, span.context().parentId());
    assertTrue(span.references().isEmpty());
  }

  @Test
  void keepsTagsOfEveryType() {
    SpoorSpan span = (SpoorSpan) tracer.buildSpan("tagged")
        .withTag("string", "value")
        .withTag("bool", true)
        .withTag("number", new BigDecimal("1.5"))
        .withTag(Tags.HTTP_STATUS, 503)
        .withTag(Tags.ERROR, false)
        .withTag("string", "replaced")
        .start();
    Map<String, Object> tags = span.tags();
    assertEquals("replaced", tags.get("string"));
    assertEquals(Boolean.TRUE, tags.get("bool"));
    assertEquals(new BigDecimal("1.5"), tags.get("number"));
    assertEquals(503, tags.get("http.status_code"));
    assertEquals(Boolean.FALSE, tags.get("error"));
  }

  @Test
  void usesAnExplicitStartTimestampAndFinishTimestamp() {
    SpoorSpan span = (SpoorSpan) tracer.buildSpan("timed")
        .withStartTimestamp(1_600_000_000_000_000L).start();
    span.finish(1_600_000_000_000_250L);
    assertEquals(1_600_000_000_000_000L, span.startMicros());
    assertEquals(250L, span.durationMicros());
  }

  @Test
  void startsAtTheClocksCurrentTime() {
    SpoorSpan span = (SpoorSpan) tracer.buildSpan("now").start();
    assertEquals(clock.currentTimeMicros(), span.startMicros());
  }

  @Test
  void theRootSpanCarriesTheSamplerTagsAndItsChildrenDoNot() {
    Span root = tracer.buildSpan("root").start();
    SpoorSpan child = (SpoorSpan) tracer.buildSpan("child").asChildOf(root).start();
    Map<String, Object> rootTags = ((SpoorSpan) root).tags();
    assertEquals("const", rootTags.get(SamplingDecision.SAMPLER_TYPE_TAG));
    assertEquals(Boolean.TRUE, rootTags.get(SamplingDecision.SAMPLER_PARAM_TAG));
    assertNull(child.tags().get(SamplingDecision.SAMPLER_TYPE_TAG));
  }

  @Test
  void aNullOperationNameBecomesEmpty() {
    SpoorSpan span = (SpoorSpan) tracer.buildSpan(null).start();
    assertEquals("", span.operationName());
  }

  @Test
  void aChildSpanKeepsTheBuildersTagsInOrderAndCanAddMore() {
    Span parent = tracer.buildSpan("parent").start();
    SpoorSpan child = (SpoorSpan) tracer.buildSpan("child").asChildOf(parent)
        .withTag("a", "1").withTag("b", 2).withTag("a", "3").start();
    child.setTag("c", true).setTag("b", 4);
    assertEquals(Map.of("a", "3", "b", 4, "c", true), child.tags());
    assertEquals("a", child.tagKey(0));
    assertEquals("c", child.tagKey(2));
  }

  @Test
  void aBuilderUsedAgainAfterStartNeverChangesTheSpanItStarted() {
    Span parent = tracer.buildSpan("parent").start();
    Tracer.SpanBuilder builder = tracer.buildSpan("child").asChildOf(parent).withTag("a", "1");
    SpoorSpan first = (SpoorSpan) builder.start();
    builder.withTag("a", "2").withTag("b", "2");
    SpoorSpan second = (SpoorSpan) builder.start();
    first.setTag("c", "1");
    builder.withTag("d", "3");
    assertEquals(Map.of("a", "1", "c", "1"), first.tags());
    assertEquals(Map.of("a", "2", "b", "2"), second.tags());
  }

  @Test
  void builderTagsBeyondTheLimitAreDroppedAndCountedOnAChildSpan() {
    try (SpoorTracer limited = SpoorTracer.builder("svc").reporter(reporter)
        .limits(Limits.builder().maxTagsPerSpan(2).build()).build()) {
      Span parent = limited.buildSpan("parent").start();
      SpoorSpan child = (SpoorSpan) limited.buildSpan("child").asChildOf(parent)
          .withTag("a", 1).withTag("b", 2).withTag("c", 3).start();
      assertEquals(Map.of("a", 1, "b", 2), child.tags());
      assertEquals(1, limited.metrics().get(Metric.TAGS_DROPPED));
    }
  }

  @Test
  void siblingsReferToTheirParentThroughOneSharedReferenceList() {
    Span parent = tracer.buildSpan("parent").start();
    SpoorSpan first = (SpoorSpan) tracer.buildSpan("first").asChildOf(parent).start();
    SpoorSpan second = (SpoorSpan) tracer.buildSpan("second").asChildOf(parent.context()).start();
    assertEquals(1, first.references().size());
    assertEquals(References.CHILD_OF, first.references().get(0).type());
    assertEquals(parent.context(), first.references().get(0).context());
    assertSame(first.references(), second.references());
    SpoorSpan follower = (SpoorSpan) tracer.buildSpan("follower")
        .addReference(References.FOLLOWS_FROM, parent.context()).start();
    assertEquals(References.FOLLOWS_FROM, follower.references().get(0).type());
  }
}
