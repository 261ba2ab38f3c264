package dev.spoor.http.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.Limits;
import dev.spoor.FinishedSpan;
import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.sampler.ConstSampler;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client of a service at an untrusted edge tries every way each format offers to force its
 * request to be traced, or to push baggage into the service's downstream calls. With
 * {@code ignoreIncomingSamplingDecisions(true)} and {@code ignoreIncomingBaggage(true)} it gets
 * neither; with baggage trusted, the limits still cap what it can inflate.
 */
class UntrustedClientTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  static Stream<Arguments> forcedSampling() {
    return Stream.of(
        Arguments.of(headers("uber-trace-id", TRACE + ":" + SPAN + ":0:1")),
        Arguments.of(headers("uber-trace-id", TRACE + ":" + SPAN + ":0:3")),
        Arguments.of(headers("jaeger-debug-id", "force-me")),
        Arguments.of(headers("uber-trace-id", TRACE + ":" + SPAN + ":0:2",
            "jaeger-debug-id", "force-me")),
        Arguments.of(headers("traceparent", "00-" + TRACE + "-" + SPAN + "-01")),
        Arguments.of(headers("traceparent", "00-" + TRACE + "-" + SPAN + "-ff")),
        Arguments.of(headers("X-B3-TraceId", TRACE, "X-B3-SpanId", SPAN, "X-B3-Sampled", "1")),
        Arguments.of(headers("X-B3-TraceId", TRACE, "X-B3-SpanId", SPAN, "X-B3-Flags", "1")),
        Arguments.of(headers("X-B3-Flags", "1")),
        Arguments.of(headers("b3", TRACE + "-" + SPAN + "-1")),
        Arguments.of(headers("b3", TRACE + "-" + SPAN + "-d")),
        Arguments.of(headers("b3", "d")),
        Arguments.of(headers("b3", "1")));
  }

  @ParameterizedTest
  @MethodSource("forcedSampling")
  void aClientCannotForceSamplingAtAnUntrustedEdge(Map<String, String> headers) {
    InMemoryReporter reporter = new InMemoryReporter();
    try (SpoorTracer edge = edge(reporter)) {
      SpanContext incoming = edge.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      Span server = edge.buildSpan("server").asChildOf(incoming).start();
      server.finish();

      SpoorSpanContext context = (SpoorSpanContext) server.context();
      assertFalse(context.isSampled(), headers::toString);
      assertFalse(context.isDebug(), headers::toString);
      assertEquals(0, edge.metrics().get(Metric.SPANS_SAMPLED));
      assertTrue(reporter.spans().isEmpty(), "nothing recorded");
      Map<String, String> downstream = new LinkedHashMap<>();
      edge.inject(context, Format.Builtin.HTTP_HEADERS, new TextMapAdapter(downstream));
      // Not sampled; a trace the edge started anew carries the random trace-flag (02).
      String traceParent = downstream.get("traceparent");
      assertEquals(0, Integer.parseInt(traceParent.substring(53), 16) & 1, downstream::toString);
      assertTrue(downstream.get("uber-trace-id").endsWith(":0"), downstream::toString);
      assertFalse(downstream.containsKey("jaeger-debug-id"), downstream::toString);
      assertEquals("0", downstream.get("b3").split("-")[2], downstream::toString);
      assertEquals("0", downstream.get("X-B3-Sampled"), downstream::toString);
    }
  }

  static Stream<Arguments> inflatedBaggage() {
    StringBuilder jaegerBaggage = new StringBuilder();
    StringBuilder w3cBaggage = new StringBuilder();
    Map<String, String> uberctx = headers("uber-trace-id", TRACE + ":" + SPAN + ":0:0");
    Map<String, String> b3 = headers("X-B3-TraceId", TRACE, "X-B3-SpanId", SPAN);
    for (int i = 0; i < 1000; i++) {
      jaegerBaggage.append("j").append(i).append("=v, ");
      w3cBaggage.append("w").append(i).append("=v,");
      uberctx.put("uberctx-u" + i, "x".repeat(5000));
      b3.put("baggage-b" + i, "y".repeat(5000));
    }
    return Stream.of(
        Arguments.of(uberctx),
        Arguments.of(b3),
        Arguments.of(headers("jaeger-baggage", jaegerBaggage.toString())),
        Arguments.of(headers("baggage", w3cBaggage.toString())),
        Arguments.of(headers("baggage", "big=" + "z".repeat(8000))));
  }

  @ParameterizedTest
  @MethodSource("inflatedBaggage")
  void aClientCannotPushBaggageThroughAnUntrustedEdge(Map<String, String> headers) {
    try (SpoorTracer edge = edge(new InMemoryReporter())) {
      SpanContext incoming = edge.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      FinishedSpan server = (FinishedSpan) edge.buildSpan("server").asChildOf(incoming).start();

      assertTrue(server.context().baggage().isEmpty());
      assertTrue(edge.metrics().get(Metric.BAGGAGE_DROPPED) > 0, "the drop is counted");
      Map<String, String> downstream = new LinkedHashMap<>();
      edge.inject(server.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(downstream));
      for (String name : downstream.keySet()) {
        assertFalse(name.startsWith("uberctx-") || name.startsWith("baggage"), name);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("inflatedBaggage")
  void trustedBaggageIsStillCappedByTheLimits(Map<String, String> headers) {
    try (SpoorTracer trusting = SpoorTracer.builder("trusting")
        .propagation("jaeger", "w3c", "b3", "b3-single").build()) {
      SpoorSpanContext incoming = (SpoorSpanContext) trusting.extract(
          Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      CodecChecks.assertWithinLimits(incoming, Limits.DEFAULT);
      CodecChecks.assertSafeHeaders(trusting,
          trusting.buildSpan("server").asChildOf(incoming).start().context());
    }
  }

  private static SpoorTracer edge(InMemoryReporter reporter) {
    return SpoorTracer.builder("edge").sampler(new ConstSampler(false)).reporter(reporter)
        .propagation("jaeger", "w3c", "b3", "b3-single")
        .ignoreIncomingSamplingDecisions(true).ignoreIncomingBaggage(true).build();
  }

  private static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }
}
