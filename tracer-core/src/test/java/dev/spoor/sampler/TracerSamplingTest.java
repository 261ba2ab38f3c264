package dev.spoor.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.reporter.InMemoryReporter;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the tracer applies samplers: roots decide, children inherit, debug forces sampling. */
class TracerSamplingTest {
  private final InMemoryReporter reporter = new InMemoryReporter();

  private SpoorTracer tracer(Sampler sampler) {
    return SpoorTracer.builder("sampling-test").sampler(sampler).reporter(reporter).build();
  }

  private static SpanContext extract(SpoorTracer tracer, Map<String, String> headers) {
    return tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
  }

  @Test
  void aChildInheritsItsParentsDecisionWhateverItsOwnSamplerSays() {
    try (SpoorTracer sampling = tracer(new ConstSampler(true));
        SpoorTracer notSampling = tracer(new ConstSampler(false))) {
      Span sampledRoot = sampling.buildSpan("root").start();
      Span unsampledRoot = notSampling.buildSpan("root").start();
      FinishedSpan sampledChild =
          (FinishedSpan) notSampling.buildSpan("child").asChildOf(sampledRoot).start();
      FinishedSpan unsampledChild =
          (FinishedSpan) sampling.buildSpan("child").asChildOf(unsampledRoot).start();
      assertTrue(sampledChild.context().isSampled());
      assertFalse(unsampledChild.context().isSampled());
      assertNull(sampledChild.tags().get(SamplingDecision.SAMPLER_TYPE_TAG));
    }
  }

  @Test
  void aRemoteParentsDecisionIsInheritedAcrossServices() {
    try (SpoorTracer upstream = tracer(new ProbabilisticSampler(0.5));
        SpoorTracer downstream = tracer(new ConstSampler(false))) {
      for (int i = 0; i < 200; i++) {
        Span root = upstream.buildSpan("root").start();
        Map<String, String> headers = new HashMap<>();
        upstream.inject(root.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
        Span child = downstream.buildSpan("child").asChildOf(extract(downstream, headers)).start();
        assertEquals(((SpoorSpanContext) root.context()).isSampled(),
            ((SpoorSpanContext) child.context()).isSampled());
      }
    }
  }

  @Test
  void aJaegerDebugIdForcesASampledDebugTrace() {
    try (SpoorTracer tracer = tracer(new ConstSampler(false))) {
      Map<String, String> headers = new HashMap<>();
      headers.put("jaeger-debug-id", "investigation-7");
      FinishedSpan span = (FinishedSpan) tracer.buildSpan("op")
          .asChildOf(extract(tracer, headers)).start();
      ((Span) span).finish();
      assertTrue(span.context().isSampled());
      assertTrue(span.context().isDebug());
      assertEquals(0L, span.context().parentId());
      assertEquals("investigation-7", span.tags().get("jaeger-debug-id"));
      assertEquals(1, reporter.size());
    }
  }

  @Test
  void anIncomingDebugFlagForcesSampling() {
    try (SpoorTracer tracer = tracer(new ConstSampler(false))) {
      for (String flags : new String[] {"2", "3"}) {
        Map<String, String> headers = new HashMap<>();
        headers.put("uber-trace-id", "abc:def:0:" + flags);
        FinishedSpan child = (FinishedSpan) tracer.buildSpan("child")
            .asChildOf(extract(tracer, headers)).start();
        assertTrue(child.context().isSampled(), "flags " + flags);
        assertTrue(child.context().isDebug(), "flags " + flags);
      }
    }
  }

  @Test
  void anUntrustedEdgeIgnoresIncomingSamplingAndDebug() {
    try (SpoorTracer edge = SpoorTracer.builder("edge").sampler(new ConstSampler(false))
        .ignoreIncomingSamplingDecisions(true).build()) {
      Map<String, String> headers = new HashMap<>();
      headers.put("uber-trace-id", "abc:def:0:3");
      FinishedSpan child = (FinishedSpan) edge.buildSpan("child")
          .asChildOf(extract(edge, headers)).start();
      assertFalse(child.context().isSampled());
      assertFalse(child.context().isDebug());
      assertEquals(0xabcL, child.context().traceIdLow(), "the trace id is still kept");
    }
  }

  @Test
  void theRootSpanNamesTheSamplerThatDecided() {
    try (SpoorTracer tracer = tracer(new ProbabilisticSampler(1.0))) {
      FinishedSpan root = (FinishedSpan) tracer.buildSpan("root").start();
      assertEquals("probabilistic", root.tags().get(SamplingDecision.SAMPLER_TYPE_TAG));
      assertEquals(1.0, root.tags().get(SamplingDecision.SAMPLER_PARAM_TAG));
    }
  }
}
