package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.sampler.Sampler;
import dev.spoor.sampler.SamplingDecision;
import java.util.ArrayList;
import java.util.List;
import dev.spoor.internal.SpanContextBuilder;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way {@code start()} decides whether a span is sampled, one row each: the parent (none, a
 * trace's context, or a partial context without ids), what the sampler would answer, and what the
 * span gets (sampled, debug, whether the sampler was asked, the tags the decision leaves).
 */
class SpanSamplingTest {
  private static final long TRACE = 0x1234L;
  private static final long SPAN = 0x99L;
  private static final byte NONE = 0;
  private static final byte SAMPLED = SpoorSpanContext.FLAG_SAMPLED;
  private static final byte DEBUG = SpoorSpanContext.FLAG_DEBUG;
  private static final byte BOTH = SAMPLED | DEBUG;
  private static final List<String> SAMPLER_TAGS =
      List.of(SamplingDecision.SAMPLER_TYPE_TAG, SamplingDecision.SAMPLER_PARAM_TAG);
  private static final List<String> DEBUG_TAG = List.of(SpoorSpanBuilder.DEBUG_ID_TAG);
  private static final List<String> NO_TAGS = List.of();

  /** A sampler that answers as told and counts how often it was asked. */
  private static final class AnsweringSampler implements Sampler {
    final boolean answer;
    int asked;

    AnsweringSampler(boolean answer) {
      this.answer = answer;
    }

    @Override
    public SamplingDecision sample(String operationName, long traceIdHigh, long traceIdLow) {
      asked++;
      return new SamplingDecision(answer, "test", answer);
    }
  }

  private static SpoorSpanContext trace(byte flags) {
    return new SpanContextBuilder().traceIdLow(TRACE).spanId(SPAN).jaegerFlags(flags).build();
  }

  private static SpoorSpanContext deferredTrace(byte flags) {
    return trace(flags).withSamplingDeferred(true);
  }

  private static SpoorSpanContext partialWithDebugId() {
    return new SpanContextBuilder().debugId("debug-me").build();
  }

  private static SpoorSpanContext partialWithBaggageOnly() {
    return new SpanContextBuilder().baggage(Map.of("k", "v")).build();
  }

  private static SpoorSpanContext partialWithDecision(byte flags) {
    return new SpanContextBuilder().jaegerFlags(flags).build();
  }

  static Stream<Arguments> decisions() {
    // name, parent, sampler's answer, closed, sampled, debug, sampler asked, decision's tags
    List<Arguments> rows = new ArrayList<>();
    for (boolean answer : new boolean[] {true, false}) {
      rows.add(Arguments.of("a root asks the sampler", null, answer, false,
          answer, false, true, answer ? SAMPLER_TAGS : NO_TAGS));
      rows.add(Arguments.of("a child of a deferred trace asks the sampler, no tags",
          deferredTrace(NONE), answer, false, answer, false, true, NO_TAGS));
      rows.add(Arguments.of("a deferred trace that says sampled still asks",
          deferredTrace(SAMPLED), answer, false, answer, false, true, NO_TAGS));
      rows.add(Arguments.of("a child of a sampled trace inherits it", trace(SAMPLED), answer,
          false, true, false, false, NO_TAGS));
      rows.add(Arguments.of("a child of an unsampled trace inherits it", trace(NONE), answer,
          false, false, false, false, NO_TAGS));
      rows.add(Arguments.of("a debug trace is sampled even without the sampled bit",
          trace(DEBUG), answer, false, true, true, false, NO_TAGS));
      rows.add(Arguments.of("a debug trace wins over a deferred decision",
          deferredTrace(DEBUG), answer, false, true, true, false, NO_TAGS));
      rows.add(Arguments.of("a debug id without a trace starts a debug trace",
          partialWithDebugId(), answer, false, true, true, false, DEBUG_TAG));
      rows.add(Arguments.of("baggage without a trace leaves the new trace to the sampler",
          partialWithBaggageOnly(), answer, false, answer, false, true,
          answer ? SAMPLER_TAGS : NO_TAGS));
      rows.add(Arguments.of("an upstream 'not sampled' without ids is kept",
          partialWithDecision(NONE), answer, false, false, false, false, NO_TAGS));
      rows.add(Arguments.of("an upstream 'sampled' without ids is kept",
          partialWithDecision(SAMPLED), answer, false, true, false, false, NO_TAGS));
      rows.add(Arguments.of("an upstream debug without ids is kept",
          partialWithDecision(DEBUG), answer, false, true, true, false, NO_TAGS));
      rows.add(Arguments.of("a closed tracer records nothing, even a debug trace",
          trace(BOTH), answer, true, false, false, false, NO_TAGS));
      rows.add(Arguments.of("a closed tracer asks no sampler for a root", null, answer, true,
          false, false, false, NO_TAGS));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} (sampler says {2})")
  @MethodSource("decisions")
  void decidesOnceAtStart(String name, SpoorSpanContext parent, boolean answer, boolean closed,
      boolean sampled, boolean debug, boolean samplerAsked, List<String> decisionTags) {
    AnsweringSampler sampler = new AnsweringSampler(answer);
    InMemoryReporter reporter = new InMemoryReporter();
    SpoorTracer tracer = SpoorTracer.builder("sampling").sampler(sampler).reporter(reporter)
        .build();
    try {
      if (closed) {
        tracer.close();
      }
      SpoorSpan span = (SpoorSpan) tracer.buildSpan("op").asChildOf(parent)
          .withTag("own", "tag").start();
      SpoorSpanContext context = span.context();
      assertEquals(sampled, context.isSampled(), "sampled");
      assertEquals(debug, context.isDebug(), "debug");
      assertEquals(samplerAsked ? 1 : 0, sampler.asked, "sampler asked");
      List<String> expectedTags = new ArrayList<>(decisionTags);
      if (sampled) {
        expectedTags.add("own");
      }
      assertEquals(expectedTags, List.copyOf(span.tags().keySet()), "tags");
      if (parent != null && parent.hasTrace()) {
        assertEquals(TRACE, context.traceIdLow(), "joins the parent's trace");
        assertEquals(SPAN, context.parentId());
      } else {
        assertEquals(0L, context.parentId(), "a new trace");
      }
    } finally {
      tracer.close();
    }
  }
}
