package dev.spoor.benchmarks.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import brave.baggage.BaggageField;
import brave.propagation.TraceContextOrSamplingFlags;
import dev.spoor.benchmarks.ParamValues;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentracing.SpanContext;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each case of {@link PropagationBenchmark} once through the benchmark's own states: the
 * extracted context must be the injected one, with both baggage items, in the expected headers.
 */
class PropagationBenchmarkTest {

  static Stream<Arguments> cases() {
    return Stream.of(
            cases(PropagationBenchmark.JaegerFormat.class, "uber-trace-id"),
            cases(PropagationBenchmark.W3cFormat.class, "traceparent"),
            cases(PropagationBenchmark.B3Format.class, "x-b3-traceid"))
        .flatMap(s -> s);
  }

  private static Stream<Arguments> cases(Class<?> format, String traceHeader) {
    return ParamValues.of(format, "system").stream()
        .map(system -> Arguments.of(format, system, traceHeader));
  }

  @ParameterizedTest(name = "{1} in {0}")
  @MethodSource("cases")
  void extractsTheInjectedTraceWithBothBaggageItems(
      Class<?> format, String system, String traceHeader) throws Exception {
    PropagationRoundTrip roundTrip = build(format, system);
    Extracted extracted = Extracted.of(roundTrip.injectAndExtract());

    Map<String, String> headers = lowerCaseKeys(roundTrip.headers());
    assertTrue(headers.containsKey(traceHeader), headers::toString);
    assertTrue(headers.get(traceHeader).contains(extracted.traceId()), headers::toString);
    assertEquals(Map.of("user", "alice", "tenant", "acme"), extracted.baggage());
  }

  /** Sets the state's {@code system} and calls its setup, exactly as JMH does. */
  private static PropagationRoundTrip build(Class<?> format, String system) throws Exception {
    Object state = format.getConstructor().newInstance();
    format.getField("system").set(state, system);
    format.getMethod("build").invoke(state);
    return (PropagationRoundTrip) format.getDeclaredField("roundTrip").get(state);
  }

  private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
    Map<String, String> result = new HashMap<>();
    headers.forEach((key, value) -> result.put(key.toLowerCase(java.util.Locale.ROOT), value));
    return result;
  }

  private record Extracted(String traceId, Map<String, String> baggage) {
    static Extracted of(Object extracted) {
      if (extracted instanceof SpanContext openTracing) {
        Map<String, String> baggage = new HashMap<>();
        openTracing.baggageItems().forEach(item -> baggage.put(item.getKey(), item.getValue()));
        return new Extracted(openTracing.toTraceId(), baggage);
      }
      if (extracted instanceof TraceContextOrSamplingFlags brave) {
        return new Extracted(brave.context().traceIdString(), BaggageField.getAllValues(brave));
      }
      Context otel = (Context) extracted;
      Map<String, String> baggage = new HashMap<>();
      Baggage.fromContext(otel).forEach((key, entry) -> baggage.put(key, entry.getValue()));
      return new Extracted(Span.fromContext(otel).getSpanContext().getTraceId(), baggage);
    }
  }
}
