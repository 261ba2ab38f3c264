package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.internal.MetricsWriter;
import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncomingContextPolicyTest {
  private final SpoorMetrics metrics = new SpoorMetrics();
  private final SpoorSpanContext sampledWithBaggage = new SpanContextBuilder().traceIdLow(0xabc)
      .spanId(0xdef).sampled(true).baggage(Map.of("user", "alice", "tier", "gold")).build();

  @Test
  void aTrustingPolicyKeepsTheDecisionAndTheBaggageWithinLimits() {
    IncomingContextPolicy policy = new IncomingContextPolicy(false, false, Limits.DEFAULT, MetricsWriter.of(metrics));
    SpoorSpanContext kept = policy.apply(sampledWithBaggage);
    assertTrue(kept.isSampled());
    assertEquals(Map.of("user", "alice", "tier", "gold"), kept.baggage());
    assertEquals(0, metrics.get(Metric.BAGGAGE_DROPPED));
  }

  @Test
  void anUntrustedEdgeDefersTheDecisionAndDropsAndCountsTheBaggage() {
    IncomingContextPolicy policy = new IncomingContextPolicy(true, true, Limits.DEFAULT, MetricsWriter.of(metrics));
    SpoorSpanContext kept = policy.apply(sampledWithBaggage);
    assertFalse(kept.isSampled());
    assertTrue(kept.isSamplingDeferred());
    assertEquals(0xabc, kept.traceIdLow(), "the trace is still continued");
    assertTrue(kept.baggage().isEmpty());
    assertEquals(2, metrics.get(Metric.BAGGAGE_DROPPED));
  }

  @Test
  void aContextWithNothingLeftToContinueBecomesNull() {
    IncomingContextPolicy policy = new IncomingContextPolicy(true, true, Limits.DEFAULT, MetricsWriter.of(metrics));
    assertNull(policy.apply(new SpanContextBuilder().baggage(Map.of("user", "alice"))
        .debugId("debug-1").build()));
    assertEquals(1, metrics.get(Metric.BAGGAGE_DROPPED));
  }

  @Test
  void baggageBeyondTheItemLimitIsDroppedAndCounted() {
    Limits oneItem = Limits.builder().maxBaggageItems(1).build();
    IncomingContextPolicy policy = new IncomingContextPolicy(false, false, oneItem, MetricsWriter.of(metrics));
    assertEquals(1, policy.apply(sampledWithBaggage).baggage().size());
    assertEquals(1, metrics.get(Metric.BAGGAGE_DROPPED));
  }
}
