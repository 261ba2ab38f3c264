package dev.spoor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorTracer;
import dev.spoor.prometheus.ExemplarSpanContext;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.sampler.ConstSampler;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.tracer.initializer.SpanContextSupplier;
import io.opentracing.util.GlobalTracer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Prometheus client histogram, with Spoor's span context installed in {@link
 * SpanContextSupplier}, carries the active sampled span's ids as the exemplar of the bucket an
 * observation falls in, in the OpenMetrics text a Prometheus server scrapes.
 */
class PrometheusExemplarsTest {
  private final InMemoryReporter reported = new InMemoryReporter();
  private final SpoorTracer tracer = SpoorTracer.builder("exemplars").reporter(reported).build();
  private final PrometheusRegistry registry = new PrometheusRegistry();

  @AfterEach
  void closeTracer() {
    tracer.close();
  }

  /** A histogram of its own per test: exemplar sampling is rate-limited per histogram. */
  private Histogram histogram(String name) {
    return Histogram.builder().name(name).help("checkout latency").unit(null)
        .classicOnly().classicUpperBounds(0.1, 0.5, 1.0).register(registry);
  }

  private String scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenMetricsTextFormatWriter.create().write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Optional<String> line(String text, String prefix) {
    return Arrays.stream(text.split("\n")).filter(line -> line.startsWith(prefix)).findFirst();
  }

  private static void observeUnder(SpoorTracer tracer, Span span, Histogram histogram,
      double value) {
    try (Scope scope = tracer.activateSpan(span)) {
      histogram.observe(value);
    } finally {
      span.finish();
    }
  }

  @Test
  void theBucketsExemplarIsTheActiveSampledSpan() throws IOException {
    SpanContextSupplier.setSpanContext(ExemplarSpanContext.of(tracer));
    Histogram histogram = histogram("checkout_seconds");
    Span span = tracer.buildSpan("checkout").start();

    observeUnder(tracer, span, histogram, 0.3);

    String text = scrape();
    String bucket = line(text, "checkout_seconds_bucket{le=\"0.5\"}").orElseThrow();
    assertTrue(bucket.contains(" # {span_id=\"" + span.context().toSpanId() + "\",trace_id=\""
        + span.context().toTraceId() + "\"} 0.3 "), bucket + "\n" + text);
    assertEquals(32, span.context().toTraceId().length(), "builder() tracers: 128-bit ids");
    assertFalse(line(text, "checkout_seconds_bucket{le=\"0.1\"}").orElseThrow().contains("#"));
    assertEquals("true", reported.spans().get(0).tags().get("exemplar"),
        "the exemplar's span is tagged, as OpenTelemetry's implementation does");
  }

  @Test
  void anUnsampledSpanGivesNoExemplar() throws IOException {
    try (SpoorTracer unsampled = SpoorTracer.builder("unsampled")
        .sampler(new ConstSampler(false)).build()) {
      SpanContextSupplier.setSpanContext(ExemplarSpanContext.of(unsampled));
      Histogram histogram = histogram("unsampled_seconds");

      observeUnder(unsampled, unsampled.buildSpan("checkout").start(), histogram, 0.3);

      String text = scrape();
      assertTrue(line(text, "unsampled_seconds_count").isPresent(), text);
      assertFalse(text.contains("trace_id"), text);
    }
  }

  @Test
  void noActiveSpanGivesNoExemplar() throws IOException {
    ExemplarSpanContext context = ExemplarSpanContext.of(tracer);
    SpanContextSupplier.setSpanContext(context);

    histogram("idle_seconds").observe(0.3);

    assertFalse(scrape().contains("trace_id"));
    assertFalse(context.isCurrentSpanSampled());
    assertNull(context.getCurrentTraceId());
    assertNull(context.getCurrentSpanId());
  }

  @Test
  void theGlobalTracerVariantFollowsWhicheverTracerIsRegistered() throws IOException {
    SpanContextSupplier.setSpanContext(ExemplarSpanContext.ofGlobalTracer());
    Histogram before = histogram("before_seconds");
    // Nothing registered yet: GlobalTracer is a no-op tracer, whose spans are not Spoor's.
    Span noop = GlobalTracer.get().buildSpan("noop").start();
    try (Scope scope = GlobalTracer.get().activateSpan(noop)) {
      before.observe(0.3);
    }
    assertFalse(scrape().contains("trace_id"));

    assertTrue(tracer.registerGlobal());
    Histogram after = histogram("after_seconds");
    Span span = GlobalTracer.get().buildSpan("checkout").start();
    try (Scope scope = GlobalTracer.get().activateSpan(span)) {
      after.observe(0.3);
    } finally {
      span.finish();
    }
    String bucket = line(scrape(), "after_seconds_bucket{le=\"0.5\"}").orElseThrow();
    assertTrue(bucket.contains("trace_id=\"" + span.context().toTraceId() + "\""), bucket);
  }
}
