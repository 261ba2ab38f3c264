package dev.spoor.http.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.Limits;
import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import io.opentracing.Span;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Baggage that the application sets from untrusted data (any key, any value, many items) must
 * never turn into an unsafe or oversized header: 100,000 cases, each injected by all four codecs.
 */
class InjectFuzzTest {
  private static final SpoorTracer ALL_CODECS = SpoorTracer.builder("fuzz-inject")
      .propagation("jaeger", "w3c", "b3", "b3-single").build();

  @AfterContainer
  static void closeTracer() {
    ALL_CODECS.close();
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<String, String>>> baggage() {
    Arbitrary<String> keys = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars("-_.").ofMinLength(1)
            .ofMaxLength(12)),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(12)),
        Tuple.of(1, Arbitraries.of(
            "", " ", "a b", "k\r\nInjected: yes", "ключ", "Key=", "k,v")));
    Arbitrary<String> values = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
        Tuple.of(2, Arbitraries.strings().withChars("abc =,;%\r\n\t\"\u00e9\u20ac")
            .ofMaxLength(30)),
        Tuple.of(1, Arbitraries.integers().between(1, 3000).map("v"::repeat)));
    return Combinators.combine(keys, values).as(Tuple::of).list().ofMaxSize(8);
  }

  @Property(tries = 100_000)
  void baggageFromAnySourceIsInjectedAsSafeBoundedHeaders(
      @ForAll("baggage") List<Tuple.Tuple2<String, String>> items) {
    Span span = ALL_CODECS.buildSpan("inject").start();
    for (Tuple.Tuple2<String, String> item : items) {
      span.setBaggageItem(item.get1(), item.get2());
    }
    CodecChecks.assertWithinLimits((SpoorSpanContext) span.context(), Limits.DEFAULT);
    Map<String, String> headers = CodecChecks.assertSafeHeaders(ALL_CODECS, span.context());
    assertTrue(headers.containsKey("traceparent") && headers.containsKey("uber-trace-id")
        && headers.containsKey("b3"), () -> "a codec wrote no context: " + headers.keySet());
    span.finish();
  }
}
