package dev.spoor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaggageOwnershipTest {

  private static Map<String, String> items() {
    Map<String, String> items = new HashMap<>();
    items.put("user", "alice");
    return items;
  }

  @Test
  void createsAContextWithTheGivenIdsWidthAndBaggage() {
    SpoorSpanContext context = BaggageOwnership.get()
        .create(0L, 7L, 8L, 9L, SpoorSpanContext.FLAG_SAMPLED, true, items());
    assertEquals(7L, context.traceIdLow());
    assertEquals(8L, context.spanId());
    assertEquals(9L, context.parentId());
    assertTrue(context.isSampled());
    assertEquals(32, context.toTraceId().length(), "128 bits wide although the upper half is 0");
    assertEquals(Map.of("user", "alice"), context.baggage());
    assertThrows(UnsupportedOperationException.class, () -> context.baggage().put("x", "y"));
  }

  @Test
  void replacesBaggageAndMakesPartialContexts() {
    SpoorSpanContext context = SpoorSpanContext.create(1L, 2L, 3L, 0L, (byte) 0, null);
    SpoorSpanContext withItems = BaggageOwnership.get().withBaggage(context, items());
    assertEquals(Map.of("user", "alice"), withItems.baggage());
    assertEquals(3L, withItems.spanId());
    assertTrue(BaggageOwnership.get().withBaggage(context, null).baggage().isEmpty());

    SpoorSpanContext partial = BaggageOwnership.get().partial(items(), "debug-1");
    assertFalse(partial.hasTrace());
    assertEquals("debug-1", partial.debugId());
    assertEquals("alice", partial.getBaggageItem("user"));
    assertNull(BaggageOwnership.get().partial(null, null).debugId());
  }

  @Test
  void onlyTheFirstInstalledImplementationCounts() {
    BaggageOwnership installed = BaggageOwnership.get();
    BaggageOwnership.install(null);
    assertSame(installed, BaggageOwnership.get());
  }
}
