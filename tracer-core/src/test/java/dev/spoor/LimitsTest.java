package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.metrics.Metric;
import dev.spoor.sampler.ConstSampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitsTest {
  private final Limits limits = Limits.builder()
      .maxTagsPerSpan(4).maxLogsPerSpan(3).maxBaggageItems(2).maxBaggageValueLength(5).build();
  private final SpoorTracer tracer = SpoorTracer.builder("limits-test")
      .sampler(new ConstSampler(true)).limits(limits).build();

  @AfterEach
  void closeTracer() {
    tracer.close();
  }

  @Test
  void hasDocumentedDefaults() {
    assertEquals(256, Limits.DEFAULT.maxTagsPerSpan());
    assertEquals(256, Limits.DEFAULT.maxLogsPerSpan());
    assertEquals(64, Limits.DEFAULT.maxBaggageItems());
    assertEquals(2048, Limits.DEFAULT.maxBaggageValueLength());
  }

  @Test
  void tagsBeyondTheLimitAreDroppedAndCounted() {
    // The root already holds sampler.type and sampler.param.
    SpoorSpan span = (SpoorSpan) tracer.buildSpan("op").withTag("a", 1).withTag("b", 2)
        .withTag("c", 3).start();
    span.setTag("d", 4).setTag("e", 5);
    assertEquals(4, span.tagCount());
    assertNull(span.tags().get("c"));
    assertEquals(3, tracer.metrics().get(Metric.TAGS_DROPPED));
  }

  @Test
  void aTagWithAKnownKeyIsStillReplacedAtTheLimit() {
    SpoorSpan span = (SpoorSpan) tracer.buildSpan("op").withTag("a", 1).withTag("b", 2).start();
    span.setTag("a", "replaced");
    assertEquals("replaced", span.tags().get("a"));
    assertEquals(0, tracer.metrics().get(Metric.TAGS_DROPPED));
  }

  @Test
  void logsBeyondTheLimitAreDroppedAndCounted() {
    SpoorSpan span = (SpoorSpan) tracer.buildSpan("op").start();
    for (int i = 0; i < 5; i++) {
      span.log("event-" + i);
    }
    assertEquals(3, span.logs().size());
    assertEquals("event-2", span.logs().get(2).fields().get("event"));
    assertEquals(2, tracer.metrics().get(Metric.LOGS_DROPPED));
  }

  @Test
  void baggageItemsBeyondTheLimitAreDroppedAndCounted() {
    SpoorSpan span = (SpoorSpan) tracer.buildSpan("op").start();
    span.setBaggageItem("a", "1").setBaggageItem("b", "2").setBaggageItem("c", "3");
    span.setBaggageItem("a", "4"); // replacing a known key is allowed at the limit
    assertEquals(2, span.context().baggage().size());
    assertNull(span.getBaggageItem("c"));
    assertEquals("4", span.getBaggageItem("a"));
    assertEquals(1, tracer.metrics().get(Metric.BAGGAGE_DROPPED));
  }

  @Test
  void longBaggageValuesAreTruncatedAndCounted() {
    SpoorSpan span = (SpoorSpan) tracer.buildSpan("op").start();
    span.setBaggageItem("user", "alice-smith");
    assertEquals("alice", span.getBaggageItem("user"));
    assertEquals(1, tracer.metrics().get(Metric.BAGGAGE_TRUNCATED));
    assertEquals("true", span.logs().get(0).fields().get("truncated"));
  }

  @Test
  void zeroLimitsDropEverythingWithoutThrowing() {
    Limits none = Limits.builder().maxTagsPerSpan(0).maxLogsPerSpan(0).maxBaggageItems(0)
        .maxBaggageValueLength(0).build();
    try (SpoorTracer strict = SpoorTracer.builder("svc").limits(none).build()) {
      SpoorSpan span = (SpoorSpan) strict.buildSpan("op").withTag("k", "v").start();
      span.setTag("x", 1).log("e").setBaggageItem("b", "v");
      span.finish();
      assertEquals(0, span.tagCount());
      assertTrue(span.logs().isEmpty());
      assertNull(span.getBaggageItem("b"));
      // sampler.type, sampler.param, k and x
      assertEquals(4, strict.metrics().get(Metric.TAGS_DROPPED));
      assertEquals(1, strict.metrics().get(Metric.BAGGAGE_DROPPED));
    }
  }

  @Test
  void rejectsANegativeLimitNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Limits.builder().maxLogsPerSpan(-1));
    assertTrue(e.getMessage().contains("maxLogsPerSpan"), e.getMessage());
  }
}
