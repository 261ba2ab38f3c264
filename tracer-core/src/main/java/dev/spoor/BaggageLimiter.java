package dev.spoor;

import dev.spoor.internal.MetricsWriter;
import dev.spoor.metrics.Metric;
import java.util.HashMap;
import java.util.Map;

/** Applies {@link Limits} to baggage arriving from another process: item count and value length. */
final class BaggageLimiter {
  private BaggageLimiter() {}

  static SpoorSpanContext limit(SpoorSpanContext context, Limits limits, MetricsWriter metrics) {
    Map<String, String> baggage = context.baggage();
    if (baggage.isEmpty()) {
      return context;
    }
    int maxItems = limits.maxBaggageItems();
    int maxLength = limits.maxBaggageValueLength();
    boolean withinLimits = baggage.size() <= maxItems;
    if (withinLimits) {
      for (String value : baggage.values()) {
        if (value.length() > maxLength) {
          withinLimits = false;
          break;
        }
      }
    }
    if (withinLimits) {
      return context;
    }
    Map<String, String> limited = new HashMap<>();
    for (Map.Entry<String, String> item : baggage.entrySet()) {
      if (limited.size() >= maxItems) {
        metrics.increment(Metric.BAGGAGE_DROPPED);
        continue;
      }
      String value = item.getValue();
      if (value.length() > maxLength) {
        value = value.substring(0, maxLength);
        metrics.increment(Metric.BAGGAGE_TRUNCATED);
      }
      limited.put(item.getKey(), value);
    }
    return context.withOwnedBaggage(limited);
  }
}
