package dev.spoor.benchmarks.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import brave.Span;
import dev.spoor.FinishedSpan;
import dev.spoor.benchmarks.ParamValues;
import io.jaegertracing.internal.JaegerSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each case of {@link SpanLifecycleBenchmark} once through the benchmark's own states, to
 * show that every tracer does the work the table claims: one child of the active parent, handed
 * to the counting reporter only when sampled.
 */
class SpanLifecycleBenchmarkTest {

  static Stream<String> systems() {
    return ParamValues.of(SpanLifecycleBenchmark.Tracers.class, "system").stream();
  }

  @ParameterizedTest
  @MethodSource("systems")
  void sampledSpanIsAChildOfTheActiveParentAndIsReportedOnce(String system) {
    SpanLifecycleBenchmark.Tracers tracers = tracers(system, true);
    SpanLifecycleBenchmark.ActiveParent parent = new SpanLifecycleBenchmark.ActiveParent();
    parent.activate(tracers);

    Object span = new SpanLifecycleBenchmark().oneThread(tracers, parent);

    assertEquals(1, tracers.peer.spansReported());
    assertEquals(spanId(parent.parent.span()), parentId(span));
    parent.deactivate();
    tracers.close(); // checks again that something was reported
  }

  @ParameterizedTest
  @MethodSource("systems")
  void unsampledSpanIsNeverReported(String system) {
    SpanLifecycleBenchmark.Tracers tracers = tracers(system, false);
    SpanLifecycleBenchmark.ActiveParent parent = new SpanLifecycleBenchmark.ActiveParent();
    parent.activate(tracers);

    new SpanLifecycleBenchmark().oneThread(tracers, parent);
    parent.deactivate();

    assertEquals(0, tracers.peer.spansReported());
    tracers.close();
  }

  private static SpanLifecycleBenchmark.Tracers tracers(String system, boolean sampled) {
    SpanLifecycleBenchmark.Tracers tracers = new SpanLifecycleBenchmark.Tracers();
    tracers.system = system;
    tracers.sampled = sampled;
    tracers.build();
    return tracers;
  }

  private static String spanId(Object span) {
    if (span instanceof FinishedSpan spoor) {
      return Long.toHexString(spoor.context().spanId());
    }
    if (span instanceof JaegerSpan jaeger) {
      return Long.toHexString(jaeger.context().getSpanId());
    }
    if (span instanceof Span brave) {
      return Long.toHexString(brave.context().spanId());
    }
    return ((ReadableSpan) span).getSpanContext().getSpanId().replaceFirst("^0+", "");
  }

  private static String parentId(Object span) {
    if (span instanceof FinishedSpan spoor) {
      return Long.toHexString(spoor.context().parentId());
    }
    if (span instanceof JaegerSpan jaeger) {
      return Long.toHexString(jaeger.context().getParentId());
    }
    if (span instanceof Span brave) {
      return Long.toHexString(brave.context().parentIdAsLong());
    }
    return ((ReadableSpan) span).getParentSpanContext().getSpanId().replaceFirst("^0+", "");
  }
}
