package dev.spoor.http.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

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
 * Extracting ten times more hostile input takes at most about ten times longer, for long values
 * and for many header lines: no quadratic parsing that a client could exploit. Measured loosely,
 * for a loaded 2-core box: the best of 30 runs of each size, the sizes interleaved so that a busy
 * moment slows both alike; allowed 60x plus half a millisecond (quadratic parsing is 100x), and
 * three attempts, since noise comes and goes while a quadratic cost fails every one.
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
    TextMapExtract small = carrier(input.apply(2_000));
    TextMapExtract large = carrier(input.apply(20_000));
    String attempts = "";
    for (int attempt = 0; attempt < 3; attempt++) {
      long[] best = bestNanos(small, large);
      LoggerFactory.getLogger(LinearTimeTest.class).info(
          "FUZZ linear {}: 2,000 units in {} us, 20,000 in {} us", shape, best[0] / 1000,
          best[1] / 1000);
      if (best[1] <= 60 * best[0] + 500_000) {
        return;
      }
      attempts += " " + best[0] + " ns for 2,000 units but " + best[1] + " ns for 20,000;";
    }
    fail(shape + ":" + attempts);
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

  private static TextMapExtract carrier(List<Map.Entry<String, String>> lines) {
    return lines::iterator;
  }

  /** The best times of the small and the large input, run in turns. */
  private static long[] bestNanos(TextMapExtract small, TextMapExtract large) {
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
    for (int run = 0; run < 30; run++) {
      best[0] = Math.min(best[0], nanos(small));
      best[1] = Math.min(best[1], nanos(large));
    }
    return best;
  }

  private static long nanos(TextMapExtract carrier) {
    long before = System.nanoTime();
    TRACER.extract(Format.Builtin.TEXT_MAP_EXTRACT, carrier);
    return System.nanoTime() - before;
  }
}
