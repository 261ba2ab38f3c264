package dev.spoor.prometheus;

import dev.spoor.SpoorSpanContext;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.util.GlobalTracer;

/**
 * The active Spoor span, as the Prometheus Java client asks for it when it samples an exemplar,
 * so that a histogram bucket links to a trace: {@code trace_id} and {@code span_id} of the span
 * active on the observing thread, only when its trace is sampled (an unsampled trace is never
 * reported, so its ids would lead nowhere). The span that becomes an exemplar gets the tag
 * {@code exemplar=true}, as the client's OpenTelemetry implementation sets that attribute.
 *
 * <p>Install it once for every Prometheus metric with
 * {@code SpanContextSupplier.setSpanContext(ExemplarSpanContext.of(tracer))}, or give it to
 * Micrometer's {@code PrometheusMeterRegistry} constructor. Reading the active span costs a
 * thread-local read, and Prometheus asks only when it samples an exemplar. Needs the optional
 * {@code io.prometheus:prometheus-metrics-tracer-common} on the class path. Spans of other
 * tracers have no exemplar; nothing here throws into the observing code.
 */
public final class ExemplarSpanContext implements io.prometheus.metrics.tracer.common.SpanContext {
  private final Tracer tracer;

  private ExemplarSpanContext(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * Exemplars from {@code tracer}'s active span: a {@link dev.spoor.SpoorTracer}, or any tracer
   * whose spans are Spoor's (e.g. one wrapping it).
   *
   * @throws NullPointerException when {@code tracer} is null
   */
  public static ExemplarSpanContext of(Tracer tracer) {
    if (tracer == null) {
      throw new NullPointerException("tracer == null");
    }
    return new ExemplarSpanContext(tracer);
  }

  /**
   * Exemplars from the active span of whatever tracer is the OpenTracing {@link GlobalTracer}
   * when a metric is observed, so it may be installed before the tracer is registered. Spans
   * of a global tracer that is not Spoor's give no exemplar.
   */
  public static ExemplarSpanContext ofGlobalTracer() {
    return new ExemplarSpanContext(GlobalTracer.get());
  }

  /** The active span when its trace is sampled and it is Spoor's, else null. */
  private Span sampledActiveSpan() {
    try {
      Span span = tracer.activeSpan();
      if (span == null) {
        return null;
      }
      SpanContext context = span.context();
      if (!(context instanceof SpoorSpanContext)) {
        return null;
      }
      SpoorSpanContext spoor = (SpoorSpanContext) context;
      return spoor.isSampled() && spoor.hasTrace() ? span : null;
    } catch (RuntimeException e) {
      return null; // a foreign scope manager failing: no exemplar rather than a failed observe
    }
  }

  /** The trace id of the active sampled span (16 or 32 hex digits), or null. */
  @Override
  public String getCurrentTraceId() {
    Span span = sampledActiveSpan();
    return span == null ? null : span.context().toTraceId();
  }

  /** The span id of the active sampled span (16 hex digits), or null. */
  @Override
  public String getCurrentSpanId() {
    Span span = sampledActiveSpan();
    return span == null ? null : span.context().toSpanId();
  }

  /** True when a Spoor span of a sampled trace is active. */
  @Override
  public boolean isCurrentSpanSampled() {
    return sampledActiveSpan() != null;
  }

  /** Tags the active sampled span {@code exemplar=true}, so its trace can be told apart. */
  @Override
  public void markCurrentSpanAsExemplar() {
    Span span = sampledActiveSpan();
    if (span == null) {
      return;
    }
    try {
      span.setTag(EXEMPLAR_ATTRIBUTE_NAME, EXEMPLAR_ATTRIBUTE_VALUE);
    } catch (RuntimeException e) {
      // Spoor's spans do not throw; another span type's failure must not fail the observation.
    }
  }

  @Override
  public String toString() {
    return "ExemplarSpanContext{" + tracer + "}";
  }
}
