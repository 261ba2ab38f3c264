package dev.spoor.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorTracer;
import dev.spoor.prometheus.ExemplarSpanContext;
import dev.spoor.sampler.ConstSampler;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Micrometer's Prometheus registry (1.13 and later are built on the new Prometheus client) takes
 * the span context in its constructor: its timers' histogram buckets and its counters carry the
 * active sampled Spoor span as exemplar in the OpenMetrics scrape.
 */
class MicrometerExemplarsTest {
  private final SpoorTracer tracer = SpoorTracer.builder("micrometer").build();

  @AfterEach
  void closeTracer() {
    tracer.close();
  }

  private static PrometheusMeterRegistry registry(SpoorTracer tracer) {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(),
        Clock.SYSTEM, ExemplarSpanContext.of(tracer));
  }

  private static List<String> linesWith(String text, String part) {
    return Arrays.stream(text.split("\n")).filter(line -> line.contains(part))
        .collect(Collectors.toList());
  }

  @Test
  void timerBucketsAndCountersCarryTheActiveSampledSpan() {
    PrometheusMeterRegistry registry = registry(tracer);
    Timer timer = Timer.builder("checkout").publishPercentileHistogram().register(registry);
    Counter orders = Counter.builder("orders").register(registry);
    Span span = tracer.buildSpan("checkout").start();
    try (Scope scope = tracer.activateSpan(span)) {
      timer.record(Duration.ofMillis(30));
      orders.increment();
    } finally {
      span.finish();
    }

    String text = registry.scrape(OpenMetricsTextFormatWriter.CONTENT_TYPE);

    String exemplar = "span_id=\"" + span.context().toSpanId() + "\",trace_id=\""
        + span.context().toTraceId() + "\"";
    List<String> buckets = linesWith(text, "checkout_seconds_bucket{");
    assertTrue(buckets.stream().anyMatch(line -> line.contains(exemplar)), text);
    assertTrue(linesWith(text, "orders_total ").stream()
        .anyMatch(line -> line.contains(exemplar)), text);
  }

  @Test
  void anUnsampledSpanGivesNoExemplar() {
    try (SpoorTracer unsampled = SpoorTracer.builder("unsampled")
        .sampler(new ConstSampler(false)).build()) {
      PrometheusMeterRegistry registry = registry(unsampled);
      Timer timer = Timer.builder("checkout").publishPercentileHistogram().register(registry);
      Span span = unsampled.buildSpan("checkout").start();
      try (Scope scope = unsampled.activateSpan(span)) {
        timer.record(Duration.ofMillis(30));
      } finally {
        span.finish();
      }

      String text = registry.scrape(OpenMetricsTextFormatWriter.CONTENT_TYPE);
      assertFalse(linesWith(text, "checkout_seconds_count").isEmpty(), text);
      assertFalse(text.contains("trace_id"), text);
    }
  }
}
