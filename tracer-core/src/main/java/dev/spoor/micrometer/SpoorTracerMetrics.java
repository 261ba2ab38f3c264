package dev.spoor.micrometer;

import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Publishes a tracer's counters ({@link SpoorTracer#metrics()}) to a Micrometer registry, under
 * the names and tags that jaeger-client-java 1.x's {@code Metrics} had through jaeger-micrometer's
 * {@code MicrometerMetricsFactory}, so that dashboards and alerts written for jaeger-client-java
 * keep working, and under Spoor's own {@code spoor.*} names. Replaces
 * {@code new Configuration(...).getTracerBuilder().withMetricsFactory(new MicrometerMetricsFactory())}:
 *
 * <pre>{@code
 * new SpoorTracerMetrics(tracer).bindTo(registry);                  // or Tags.of("service", "checkout")
 * }</pre>
 *
 * <p>Every meter is a {@link FunctionCounter} or {@link Gauge} that reads the tracer's counters
 * when the registry is scraped: nothing is added to starting or finishing a span. A meter is
 * registered only for an event Spoor observes; none is a constant zero. jaeger-client-java's
 * meters (in Prometheus, with {@code _total} added to counters) and what each counts here:
 *
 * <table>
 *   <caption>jaeger-client-java's meters and Spoor's counters behind them</caption>
 *   <tr><th>meter and tags</th><th>Spoor counters</th></tr>
 *   <tr><td>{@code jaeger_tracer_traces{state=started, sampled=y|n}}</td>
 *       <td>{@code TRACES_STARTED_SAMPLED}, {@code TRACES_STARTED_NOT_SAMPLED}</td></tr>
 *   <tr><td>{@code jaeger_tracer_started_spans{sampled=y|n}}</td>
 *       <td>{@code SPANS_SAMPLED}, {@code SPANS_NOT_SAMPLED}</td></tr>
 *   <tr><td>{@code jaeger_tracer_finished_spans}</td>
 *       <td>{@code SPANS_FINISHED_SAMPLED}: sampled spans only (finishing an unsampled span counts
 *       nothing in Spoor; jaeger-client-java counted every span)</td></tr>
 *   <tr><td>{@code jaeger_tracer_span_context_decoding_errors}</td>
 *       <td>{@code EXTRACT_ERRORS}</td></tr>
 *   <tr><td>{@code jaeger_tracer_reporter_spans{result=ok}}</td><td>{@code SPANS_SENT}</td></tr>
 *   <tr><td>{@code jaeger_tracer_reporter_spans{result=err}}</td>
 *       <td>{@code SPANS_DROPPED_SEND_FAILED} + {@code SPANS_DROPPED_REJECTED} +
 *       {@code SPANS_DROPPED_TOO_LARGE} + {@code SPANS_DROPPED_REPORTER_FAILED}: spans lost after
 *       the queue</td></tr>
 *   <tr><td>{@code jaeger_tracer_reporter_spans{result=dropped}}</td>
 *       <td>{@code SPANS_DROPPED_QUEUE_FULL} + {@code SPANS_DROPPED_AFTER_CLOSE}: spans the queue
 *       did not take</td></tr>
 *   <tr><td>{@code jaeger_tracer_reporter_queue_length} (gauge)</td>
 *       <td>{@link SpoorMetrics#QUEUE_LENGTH} (0 without a {@code RemoteReporter})</td></tr>
 *   <tr><td>{@code jaeger_tracer_sampler_queries{result=ok|err}}</td>
 *       <td>{@code SAMPLER_QUERIES_OK}, {@code SAMPLER_QUERIES_FAILED}</td></tr>
 *   <tr><td>{@code jaeger_tracer_sampler_updates{result=ok}}</td>
 *       <td>{@code SAMPLER_UPDATES}</td></tr>
 *   <tr><td>{@code jaeger_tracer_baggage_updates{result=err}}</td>
 *       <td>{@code BAGGAGE_DROPPED}: items refused at the item limit, local or incoming</td></tr>
 *   <tr><td>{@code jaeger_tracer_baggage_truncations}</td>
 *       <td>{@code BAGGAGE_TRUNCATED}</td></tr>
 * </table>
 *
 * <p>Not registered, because Spoor has no such event or does not count it:
 * {@code traces{state=joined}} (jaeger-client-java counted RPC server spans that joined a
 * remote trace; Spoor does not tell them apart), {@code sampler_updates{result=err}} (an answer
 * Spoor cannot apply is a failed query, {@code sampler_queries{result=err}}),
 * {@code baggage_updates{result=ok}} (successful baggage writes are not counted), and
 * {@code baggage_restrictions_updates} (Spoor has no baggage restriction manager).
 *
 * <p>Spoor's own meters: every {@link Metric} as a counter named by its {@link
 * Metric#metricName()} (e.g. {@code spoor.reporter.spans_sent}, in Prometheus
 * {@code spoor_reporter_spans_sent_total}), except the dropped-span counters, which are one
 * counter {@code spoor.spans.dropped} with a {@code reason} tag ({@code queue_full},
 * {@code too_large}, {@code after_close}, {@code send_failed}, {@code rejected},
 * {@code reporter_failed}); and the gauge {@code spoor.reporter.queue_length}.
 */
public final class SpoorTracerMetrics implements MeterBinder {
  /** The meter name of every dropped-span counter, told apart by its {@code reason} tag. */
  public static final String SPANS_DROPPED = "spoor.spans.dropped";

  private static final String JAEGER = "jaeger_tracer_";
  private static final String DROPPED_INFIX = ".dropped.";

  private final SpoorMetrics metrics;
  private final Tags tags;

  /** Meters for {@code tracer}'s counters, with no tags of their own (as jaeger-micrometer). */
  public SpoorTracerMetrics(SpoorTracer tracer) {
    this(tracer, Tags.empty());
  }

  /**
   * Meters for {@code tracer}'s counters, each with {@code tags} added (e.g. the service name, when
   * one registry serves several tracers).
   */
  public SpoorTracerMetrics(SpoorTracer tracer, Iterable<Tag> tags) {
    if (tracer == null) {
      throw new NullPointerException("tracer == null");
    }
    if (tags == null) {
      throw new NullPointerException("tags == null");
    }
    this.metrics = tracer.metrics();
    this.tags = Tags.of(tags);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    if (registry == null) {
      throw new NullPointerException("registry == null");
    }
    bindJaegerNames(registry);
    bindSpoorNames(registry);
  }

  private void bindJaegerNames(MeterRegistry registry) {
    counter(registry, JAEGER + "traces", "Traces started by this tracer",
        sum(Metric.TRACES_STARTED_SAMPLED), "state", "started", "sampled", "y");
    counter(registry, JAEGER + "traces", "Traces started by this tracer",
        sum(Metric.TRACES_STARTED_NOT_SAMPLED), "state", "started", "sampled", "n");
    counter(registry, JAEGER + "started_spans", "Spans started by this tracer",
        sum(Metric.SPANS_SAMPLED), "sampled", "y");
    counter(registry, JAEGER + "started_spans", "Spans started by this tracer",
        sum(Metric.SPANS_NOT_SAMPLED), "sampled", "n");
    counter(registry, JAEGER + "finished_spans", "Sampled spans finished by this tracer",
        sum(Metric.SPANS_FINISHED_SAMPLED));
    counter(registry, JAEGER + "span_context_decoding_errors",
        "Incoming trace contexts that could not be decoded", sum(Metric.EXTRACT_ERRORS));
    counter(registry, JAEGER + "reporter_spans", "Spans reported, by result",
        sum(Metric.SPANS_SENT), "result", "ok");
    counter(registry, JAEGER + "reporter_spans", "Spans reported, by result",
        sum(Metric.SPANS_DROPPED_SEND_FAILED, Metric.SPANS_DROPPED_REJECTED,
            Metric.SPANS_DROPPED_TOO_LARGE, Metric.SPANS_DROPPED_REPORTER_FAILED),
        "result", "err");
    counter(registry, JAEGER + "reporter_spans", "Spans reported, by result",
        sum(Metric.SPANS_DROPPED_QUEUE_FULL, Metric.SPANS_DROPPED_AFTER_CLOSE),
        "result", "dropped");
    queueLength(registry, JAEGER + "reporter_queue_length");
    counter(registry, JAEGER + "sampler_queries", "Sampling strategy queries, by result",
        sum(Metric.SAMPLER_QUERIES_OK), "result", "ok");
    counter(registry, JAEGER + "sampler_queries", "Sampling strategy queries, by result",
        sum(Metric.SAMPLER_QUERIES_FAILED), "result", "err");
    counter(registry, JAEGER + "sampler_updates", "Sampling strategy changes",
        sum(Metric.SAMPLER_UPDATES), "result", "ok");
    counter(registry, JAEGER + "baggage_updates", "Baggage items refused at the item limit",
        sum(Metric.BAGGAGE_DROPPED), "result", "err");
    counter(registry, JAEGER + "baggage_truncations",
        "Baggage values truncated to the length limit", sum(Metric.BAGGAGE_TRUNCATED));
  }

  private void bindSpoorNames(MeterRegistry registry) {
    for (Metric metric : Metric.values()) {
      String name = metric.metricName();
      int dropped = name.indexOf(DROPPED_INFIX);
      if (dropped >= 0) {
        String reason = name.substring(dropped + DROPPED_INFIX.length());
        counter(registry, SPANS_DROPPED, "Spans dropped, by reason", sum(metric),
            "reason", reason.toLowerCase(Locale.ROOT));
      } else {
        counter(registry, name, null, sum(metric));
      }
    }
    queueLength(registry, SpoorMetrics.QUEUE_LENGTH);
  }

  private void counter(MeterRegistry registry, String name, String description,
      ToDoubleFunction<SpoorMetrics> value, String... keyValues) {
    FunctionCounter.builder(name, metrics, value)
        .description(description)
        .tags(tags.and(keyValues))
        .register(registry);
  }

  private void queueLength(MeterRegistry registry, String name) {
    Gauge.builder(name, metrics, read -> Math.max(0, read.gauge(SpoorMetrics.QUEUE_LENGTH)))
        .description("Finished spans waiting in the reporter's queue")
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }

  private static ToDoubleFunction<SpoorMetrics> sum(Metric... parts) {
    Metric[] summed = parts.clone();
    return read -> {
      long total = 0;
      for (Metric part : summed) {
        total += read.get(part);
      }
      return total;
    };
  }

  @Override
  public String toString() {
    return "SpoorTracerMetrics" + tags;
  }
}
