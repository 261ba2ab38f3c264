package dev.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import brave.propagation.B3Propagation;
import brave.propagation.Propagation;
import brave.propagation.TraceContext;
import brave.propagation.TraceContextOrSamplingFlags;
import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.sampler.ConstSampler;
import io.opentracing.Span;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * B3 both ways with Brave's own {@code B3Propagation}, multi and single header, through the
 * OpenTracing API of a Spoor tracer: headers go through a case-insensitive map, like HTTP's.
 */
class BraveInteropTest {
  private static final Propagation<String> BRAVE_MULTI = B3Propagation.get();
  private static final Propagation<String> BRAVE_SINGLE = B3Propagation.newFactoryBuilder()
      .injectFormat(B3Propagation.Format.SINGLE).build().get();

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of("b3", BRAVE_MULTI), Arguments.of("b3-single", BRAVE_SINGLE),
        Arguments.of("b3", BRAVE_SINGLE), Arguments.of("b3-single", BRAVE_MULTI));
  }

  private static Map<String, String> headers() {
    return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  }

  @ParameterizedTest(name = "{0} reads Brave {1}")
  @MethodSource("formats")
  void extractsWhatBraveInjects(String format, Propagation<String> brave) {
    TraceContext[] contexts = {
        TraceContext.newBuilder().traceIdHigh(0x463ac35c9f6413adL).traceId(0x48485a3953bb6124L)
            .spanId(0xa2fb4a1d1a96d312L).parentId(0x20000000000001L).sampled(true).build(),
        TraceContext.newBuilder().traceId(0x48485a3953bb6124L).spanId(0x1L).sampled(false)
            .build(),
        TraceContext.newBuilder().traceId(0x48485a3953bb6124L).spanId(0x2L).parentId(0x3L)
            .debug(true).build(),
        TraceContext.newBuilder().traceId(0x48485a3953bb6124L).spanId(0x4L).build()};
    try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation(format).build()) {
      for (TraceContext brave0 : contexts) {
        Map<String, String> headers = headers();
        brave.<Map<String, String>>injector(Map::put).inject(brave0, headers);
        SpoorSpanContext spoor = (SpoorSpanContext) tracer.extract(
            Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
        assertEquals(brave0.traceIdHigh(), spoor.traceIdHigh(), headers.toString());
        assertEquals(brave0.traceId(), spoor.traceIdLow());
        assertEquals(brave0.spanId(), spoor.spanId());
        assertEquals(brave0.debug(), spoor.isDebug(), headers.toString());
        assertEquals(brave0.sampled() == null, spoor.isSamplingDeferred(), headers.toString());
        assertEquals(Boolean.TRUE.equals(brave0.sampled()), spoor.isSampled());
        if (brave.equals(BRAVE_MULTI) || brave0.sampled() != null) {
          assertEquals(brave0.parentIdAsLong(), spoor.parentId(), headers.toString());
        }
      }
    }
  }

  @ParameterizedTest(name = "Brave {1} reads {0}")
  @MethodSource("formats")
  void braveExtractsWhatSpoorInjects(String format, Propagation<String> brave) {
    for (boolean sampled : new boolean[] {true, false}) {
      for (boolean traceId128 : new boolean[] {true, false}) {
        try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation(format)
            .sampler(new ConstSampler(sampled)).traceId128Bit(traceId128).build()) {
          Span parent = tracer.buildSpan("parent").start();
          Span child = tracer.buildSpan("child").asChildOf(parent).start();
          SpoorSpanContext spoor = (SpoorSpanContext) child.context();
          Map<String, String> headers = headers();
          tracer.inject(spoor, Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
          child.finish();
          parent.finish();

          TraceContextOrSamplingFlags extracted =
              brave.<Map<String, String>>extractor(Map::get).extract(headers);
          TraceContext context = extracted.context();
          assertEquals(spoor.traceIdHigh(), context.traceIdHigh(), headers.toString());
          assertEquals(spoor.traceIdLow(), context.traceId());
          assertEquals(spoor.spanId(), context.spanId());
          assertEquals(parent.context().toSpanId(), context.parentIdString());
          assertEquals(sampled, context.sampled());
          assertFalse(context.debug());
        }
      }
    }
  }

  @ParameterizedTest(name = "Brave {1} reads debug from {0}")
  @MethodSource("formats")
  void braveSeesSpoorsDebugFlag(String format, Propagation<String> brave) {
    SpoorSpanContext debug = new SpanContextBuilder().traceIdLow(0x1234L).spanId(0x5678L)
        .sampled(true).debug(true).build();
    try (SpoorTracer tracer = SpoorTracer.builder("svc").propagation(format).build()) {
      Map<String, String> headers = headers();
      tracer.inject(debug, Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      TraceContext context = brave.<Map<String, String>>extractor(Map::get).extract(headers)
          .context();
      assertTrue(context.debug());
      assertTrue(context.sampled());
      assertNull(context.parentId());
    }
  }
}
