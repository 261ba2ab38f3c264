package dev.spoor.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.Limits;
import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.reporter.AgentReceiver;
import dev.spoor.reporter.RemoteReporter;
import dev.spoor.sampler.SamplingDecision;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentracing.Span;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link SpoorTracerMetrics} in a real registry, after real spans went to a real UDP socket: the
 * meters carry jaeger-client-java's names, tags and the tracer's values.
 */
class SpoorTracerMetricsTest {
  private static final SamplingDecision KEEP = new SamplingDecision(true, "test", 1);
  private static final SamplingDecision SKIP = new SamplingDecision(false, "test", 0);

  /** Samples the traces whose root is named "keep", so both kinds are counted. */
  private static SpoorTracer tracer(AgentReceiver agent) {
    return SpoorTracer.builder("checkout")
        .traceId128Bit(false)
        .closeOnShutdown(false)
        .sampler((operation, high, low) -> operation.equals("keep") ? KEEP : SKIP)
        .limits(Limits.builder().maxBaggageItems(1).maxBaggageValueLength(4).build())
        .reporter(RemoteReporter.builder().agentHost("127.0.0.1").agentPort(agent.port())
            .flushInterval(10, TimeUnit.MILLISECONDS).build())
        .build();
  }

  /**
   * Three sampled traces (one with a child, baggage over both limits), two unsampled ones, and one
   * malformed incoming header; waits until the agent has all four sampled spans.
   */
  private static void traffic(SpoorTracer tracer, AgentReceiver agent) {
    for (int i = 0; i < 3; i++) {
      Span root = tracer.buildSpan("keep").start();
      if (i == 0) {
        root.setBaggageItem("user", "longer than four");     // truncated
        root.setBaggageItem("tenant", "acme");               // over the item limit: dropped
        tracer.buildSpan("child").asChildOf(root).start().finish();
      }
      root.finish();
    }
    for (int i = 0; i < 2; i++) {
      tracer.buildSpan("skip").start().finish();
    }
    tracer.extract(Format.Builtin.HTTP_HEADERS,
        new TextMapAdapter(Map.of("uber-trace-id", "not-a-context")));
    assertEquals(4, agent.awaitSpans(4).size());
    AgentReceiver.awaitTrue(() -> tracer.metrics().get(Metric.SPANS_SENT) == 4,
        tracer.metrics()::toString);
  }

  private static double count(MeterRegistry registry, String name, String... tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  @Test
  void jaegerClientJavasMetersShowTheTracersCounts() throws Exception {
    try (AgentReceiver agent = new AgentReceiver(); SpoorTracer tracer = tracer(agent)) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new SpoorTracerMetrics(tracer).bindTo(registry);
      traffic(tracer, agent);

      assertEquals(3, count(registry, "jaeger_tracer_traces", "state", "started", "sampled", "y"));
      assertEquals(2, count(registry, "jaeger_tracer_traces", "state", "started", "sampled", "n"));
      assertEquals(4, count(registry, "jaeger_tracer_started_spans", "sampled", "y"));
      assertEquals(2, count(registry, "jaeger_tracer_started_spans", "sampled", "n"));
      assertEquals(4, count(registry, "jaeger_tracer_finished_spans"));
      assertEquals(1, count(registry, "jaeger_tracer_span_context_decoding_errors"));
      assertEquals(4, count(registry, "jaeger_tracer_reporter_spans", "result", "ok"));
      assertEquals(0, count(registry, "jaeger_tracer_reporter_spans", "result", "err"));
      assertEquals(0, count(registry, "jaeger_tracer_reporter_spans", "result", "dropped"));
      assertEquals(0, registry.get("jaeger_tracer_reporter_queue_length").gauge().value());
      assertEquals(0, count(registry, "jaeger_tracer_sampler_queries", "result", "ok"));
      assertEquals(0, count(registry, "jaeger_tracer_sampler_queries", "result", "err"));
      assertEquals(0, count(registry, "jaeger_tracer_sampler_updates", "result", "ok"));
      assertEquals(1, count(registry, "jaeger_tracer_baggage_updates", "result", "err"));
      assertEquals(1, count(registry, "jaeger_tracer_baggage_truncations"));
    }
  }

  @Test
  void registersNoMeterForAnEventSpoorDoesNotObserve() throws Exception {
    try (AgentReceiver agent = new AgentReceiver(); SpoorTracer tracer = tracer(agent)) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new SpoorTracerMetrics(tracer).bindTo(registry);
      TreeSet<String> jaegerMeters = new TreeSet<>();
      int jaegerCount = 0;
      for (Meter meter : registry.getMeters()) {
        String name = meter.getId().getName();
        if (name.startsWith("jaeger_tracer_")) {
          jaegerMeters.add(name + meter.getId().getTags());
          jaegerCount++;
        }
      }
      assertEquals(15, jaegerCount, jaegerMeters::toString);
      assertEquals(0, registry.find("jaeger_tracer_traces").tag("state", "joined").meters().size());
      assertEquals(0, registry.find("jaeger_tracer_sampler_updates").tag("result", "err")
          .meters().size());
      assertEquals(0, registry.find("jaeger_tracer_baggage_updates").tag("result", "ok")
          .meters().size());
      assertEquals(0, registry.find("jaeger_tracer_baggage_restrictions_updates").meters().size());
    }
  }

  @Test
  void spansReportedAfterTheReporterClosedAreDroppedByReason() throws Exception {
    try (AgentReceiver agent = new AgentReceiver(); SpoorTracer tracer = tracer(agent)) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new SpoorTracerMetrics(tracer, Tags.of("service", "checkout")).bindTo(registry);
      tracer.reporter().close(); // the tracer still samples and reports, into a closed reporter
      tracer.buildSpan("keep").start().finish();
      tracer.buildSpan("keep").start().finish();

      assertEquals(2, count(registry, "jaeger_tracer_reporter_spans", "result", "dropped",
          "service", "checkout"));
      assertEquals(2, count(registry, SpoorTracerMetrics.SPANS_DROPPED, "reason", "after_close",
          "service", "checkout"));
      assertEquals(0, count(registry, SpoorTracerMetrics.SPANS_DROPPED, "reason", "queue_full"));
      assertEquals(2, count(registry, "spoor.spans.reported"));
    }
  }

  @Test
  void spoorsOwnCountersAreEachAMeter() throws Exception {
    try (AgentReceiver agent = new AgentReceiver(); SpoorTracer tracer = tracer(agent)) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new SpoorTracerMetrics(tracer).bindTo(registry);
      traffic(tracer, agent);
      List<String> missing = new ArrayList<>();
      for (Metric metric : Metric.values()) {
        String name = metric.metricName();
        FunctionCounter counter = name.contains(".dropped.")
            ? registry.find(SpoorTracerMetrics.SPANS_DROPPED)
                .tag("reason", name.substring(name.indexOf(".dropped.") + 9)).functionCounter()
            : registry.find(name).functionCounter();
        if (counter == null) {
          missing.add(name);
        } else {
          assertEquals(tracer.metrics().get(metric), (long) counter.count(), name);
        }
      }
      assertEquals(List.of(), missing);
      assertEquals(4, count(registry, "spoor.reporter.spans_sent"));
      assertEquals(0, registry.get("spoor.reporter.queue_length").gauge().value());
    }
  }

  @Test
  void prometheusScrapesJaegerClientJavasNamesWithTheValues() throws Exception {
    try (AgentReceiver agent = new AgentReceiver(); SpoorTracer tracer = tracer(agent)) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new SpoorTracerMetrics(tracer).bindTo(registry);
      traffic(tracer, agent);
      List<String> lines = List.of(registry.scrape().split("\n"));

      for (String expected : List.of(
          "jaeger_tracer_traces_total{sampled=\"y\",state=\"started\"} 3.0",
          "jaeger_tracer_traces_total{sampled=\"n\",state=\"started\"} 2.0",
          "jaeger_tracer_started_spans_total{sampled=\"y\"} 4.0",
          "jaeger_tracer_started_spans_total{sampled=\"n\"} 2.0",
          "jaeger_tracer_finished_spans_total 4.0",
          "jaeger_tracer_span_context_decoding_errors_total 1.0",
          "jaeger_tracer_reporter_spans_total{result=\"ok\"} 4.0",
          "jaeger_tracer_reporter_spans_total{result=\"err\"} 0.0",
          "jaeger_tracer_reporter_spans_total{result=\"dropped\"} 0.0",
          "jaeger_tracer_reporter_queue_length 0.0",
          "jaeger_tracer_sampler_queries_total{result=\"ok\"} 0.0",
          "jaeger_tracer_sampler_updates_total{result=\"ok\"} 0.0",
          "jaeger_tracer_baggage_updates_total{result=\"err\"} 1.0",
          "jaeger_tracer_baggage_truncations_total 1.0",
          "spoor_reporter_spans_sent_total 4.0",
          "spoor_spans_dropped_total{reason=\"queue_full\"} 0.0",
          "spoor_reporter_queue_length 0.0")) {
        assertTrue(lines.contains(expected), expected + " not in:\n" + String.join("\n", lines));
      }
    }
  }

  @Test
  void refusesNullsNamingThem() {
    assertEquals("tracer == null", assertThrows(NullPointerException.class,
        () -> new SpoorTracerMetrics(null)).getMessage());
  }
}
