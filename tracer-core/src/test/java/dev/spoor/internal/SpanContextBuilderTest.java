package dev.spoor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpanContextBuilderTest {

  private static Map<String, String> items() {
    Map<String, String> items = new HashMap<>();
    items.put("user", "alice");
    return items;
  }

  @Test
  void buildsAContextWithTheGivenIdsWidthAndBaggage() {
    SpoorSpanContext context = new SpanContextBuilder().traceIdLow(7L).traceId128Bit(true)
        .spanId(8L).parentId(9L).sampled(true).ownedBaggage(items()).build();
    assertEquals(0L, context.traceIdHigh());
    assertEquals(7L, context.traceIdLow());
    assertEquals(8L, context.spanId());
    assertEquals(9L, context.parentId());
    assertTrue(context.isSampled());
    assertFalse(context.isDebug());
    assertFalse(context.isSamplingDeferred());
    assertEquals(32, context.toTraceId().length(), "128 bits wide although the upper half is 0");
    assertEquals(Map.of("user", "alice"), context.baggage());
    assertThrows(UnsupportedOperationException.class, () -> context.baggage().put("x", "y"));
  }

  @Test
  void ownedBaggageIsKeptAndCopiedBaggageIsNot() {
    Map<String, String> owned = items();
    SpoorSpanContext keeping = new SpanContextBuilder().traceIdLow(1L).spanId(2L)
        .ownedBaggage(owned).build();
    Map<String, String> copied = items();
    SpoorSpanContext copying = new SpanContextBuilder().traceIdLow(1L).spanId(2L)
        .baggage(copied).build();
    owned.put("tier", "gold"); // what a codec never does: it shows that no copy was made
    copied.put("tier", "gold");
    assertEquals("gold", keeping.getBaggageItem("tier"));
    assertNull(copying.getBaggageItem("tier"));
    assertTrue(new SpanContextBuilder().ownedBaggage(null).build().baggage().isEmpty());
  }

  @Test
  void withoutIdsTheContextIsPartialAndItsDecisionDeferred() {
    SpoorSpanContext partial = new SpanContextBuilder().ownedBaggage(items()).debugId("debug-1")
        .build();
    assertFalse(partial.hasTrace());
    assertTrue(partial.isSamplingDeferred());
    assertEquals("debug-1", partial.debugId());
    assertEquals("alice", partial.getBaggageItem("user"));

    SpoorSpanContext doNotSample = new SpanContextBuilder().sampled(false).build();
    assertFalse(doNotSample.isSamplingDeferred());
    assertFalse(doNotSample.isSampled());
  }

  @ParameterizedTest
  @CsvSource({"0, false, false", "1, true, false", "2, false, true", "3, true, true",
      "9, true, false", "255, true, true"})
  void jaegerFlagsSetTheDecisionAndReadBack(int flags, boolean sampled, boolean debug) {
    SpoorSpanContext context = new SpanContextBuilder().traceIdLow(1L).spanId(2L)
        .jaegerFlags(flags).build();
    assertEquals(sampled, context.isSampled());
    assertEquals(debug, context.isDebug());
    assertFalse(context.isSamplingDeferred());
    assertEquals(flags, SpanContextBuilder.jaegerFlagsOf(context), "other bits ride along");
  }

  @Test
  void aBuilderMayBeUsedAgain() {
    SpanContextBuilder builder = new SpanContextBuilder().traceIdLow(1L).spanId(2L);
    SpoorSpanContext first = builder.build();
    SpoorSpanContext second = builder.spanId(3L).build();
    assertEquals(2L, first.spanId());
    assertEquals(3L, second.spanId());
  }
}
