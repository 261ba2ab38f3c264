package dev.spoor.http.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorTracer;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapExtract;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Extracting ten times more hostile input takes at most about ten times longer (allowed: 30x
 * plus a millisecond of noise), for long values and for many header lines: no quadratic parsing
 * that a client could exploit. Measured loosely: the best of several runs of each size.
 */
class LinearTimeTest {
  private static final SpoorTracer TRACER = SpoorTracer.builder("linear")
      .propagation("jaeger", "w3c", "b3", "b3-single").build();

  @AfterAll
  static void close() {
    TRACER.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"traceparent", "tracestate", "baggage", "uber-trace-id", "b3",
      "jaeger-baggage", "many-uberctx", "many-baggage-", "many-tracestate"})
  void tenTimesTheInputTakesAboutTenTimesTheTime(String shape) {
    IntFunction<List<Map.Entry<String, String>>> input = shape(shape);
    long small = bestNanos(input.apply(2_000));
    long large = bestNanos(input.apply(20_000));
    LoggerFactory.getLogger(LinearTimeTest.class).info(
        "FUZZ linear {}: 2,000 units in {} us, 20,000 in {} us", shape, small / 1000,
        large / 1000);
    assertTrue(large <= 30 * small + 1_000_000,
        shape + ": " + small + " ns for 2,000 units but " + large + " ns for 20,000");
  }

  private static IntFunction<List<Map.Entry<String, String>>> shape(String shape) {
    switch (shape) {
      case "traceparent":
        return n -> one("traceparent", "00-" + "a".repeat(n));
      case "tracestate":
        return n -> List.of(line("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-"
            + "00f067aa0ba902b7-01"), line("tracestate", "k=v,".repeat(n / 4)));
      case "baggage":
        return n -> one("baggage", "k=v%2".repeat(n / 5));
      case "uber-trace-id":
        return n -> one("uber-trace-id", "1:".repeat(n / 2));
      case "b3":
        return n -> one("b3", "a-".repeat(n / 2));
      case "jaeger-baggage":
        return n -> one("jaeger-baggage", "k=v, ".repeat(n / 5));
      case "many-uberctx":
        return n -> many(n / 10, i -> line("uberctx-k" + i, "v"));
      case "many-baggage-":
        return n -> many(n / 10, i -> line("baggage-k" + i, "v"));
      default:
        return n -> many(n / 10, i -> line("tracestate", "k" + i + "=v"));
    }
  }

  private static List<Map.Entry<String, String>> one(String name, String value) {
    return List.of(line(name, value));
  }

  private static List<Map.Entry<String, String>> many(
      int count, IntFunction<Map.Entry<String, String>> line) {
    List<Map.Entry<String, String>> lines = new ArrayList<>(count + 1);
    lines.add(line("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    for (int i = 0; i < count; i++) {
      lines.add(line.apply(i));
    }
    return lines;
  }

  private static Map.Entry<String, String> line(String name, String value) {
    return new SimpleImmutableEntry<>(name, value);
  }

  private static long bestNanos(List<Map.Entry<String, String>> lines) {
    TextMapExtract carrier = lines::iterator;
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 30; run++) {
      long before = System.nanoTime();
      TRACER.extract(Format.Builtin.TEXT_MAP_EXTRACT, carrier);
      best = Math.min(best, System.nanoTime() - before);
    }
    return best;
  }
}
