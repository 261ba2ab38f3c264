package dev.spoor.metrics;

/**
 * The counters a Spoor tracer keeps. Every span that is started is counted in exactly one of
 * sampled or not-sampled; every sampled span, once finished, in exactly one of reported or {@link
 * #SPANS_DROPPED_REPORTER_FAILED}; and every reported span in exactly one of sent or the
 * reporter's dropped counters, so that nothing is lost silently.
 */
public enum Metric {
  /**
   * Spans started. The tracer does not increment it: {@link SpoorMetrics#get} reads it as {@link
   * #SPANS_SAMPLED} + {@link #SPANS_NOT_SAMPLED} (plus any direct increments), since every started
   * span is counted in exactly one of those.
   */
  SPANS_STARTED("spoor.spans.started"),
  /**
   * Sampled spans finished (first finish only). Finishing an unsampled span costs nothing and
   * counts nothing, not even here. The tracer does not increment it: {@link SpoorMetrics#get} reads
   * it as {@link #SPANS_REPORTED} + {@link #SPANS_DROPPED_REPORTER_FAILED} (plus any direct
   * increments), since every finished sampled span is counted in exactly one of those.
   */
  SPANS_FINISHED("spoor.spans.finished"),
  /** Spans started in a sampled trace. */
  SPANS_SAMPLED("spoor.spans.sampled"),
  /**
   * Spans started in an unsampled trace: never reported, and not counted again when finished. Spans
   * started on a closed or disabled tracer count here too, as they record nothing.
   */
  SPANS_NOT_SAMPLED("spoor.spans.not_sampled"),
  /** Traces started (root spans, sampled or not). */
  TRACES_STARTED("spoor.traces.started"),
  /** Finished, sampled spans the reporter accepted (its {@code report} returned normally). */
  SPANS_REPORTED("spoor.spans.reported"),
  /**
   * Finished, sampled spans lost because the reporter's {@code report} threw; each such failure
   * is also logged as a rate-limited warning.
   */
  SPANS_DROPPED_REPORTER_FAILED("spoor.spans.dropped.reporter_failed"),
  /** Calls on a sampled span after it finished (ignored); an unsampled span ignores every call. */
  CALLS_AFTER_FINISH("spoor.spans.calls_after_finish"),
  /** Tags dropped because a span reached its tag limit. */
  TAGS_DROPPED("spoor.tags.dropped"),
  /** Log records dropped because a span reached its log limit. */
  LOGS_DROPPED("spoor.logs.dropped"),
  /** Baggage items dropped because of the item limit. */
  BAGGAGE_DROPPED("spoor.baggage.dropped"),
  /** Baggage values truncated to the value length limit. */
  BAGGAGE_TRUNCATED("spoor.baggage.truncated"),
  /** Incoming contexts that could not be parsed (a new trace was started). */
  EXTRACT_ERRORS("spoor.propagation.extract_errors"),
  /** Errors while injecting a context (nothing was written). */
  INJECT_ERRORS("spoor.propagation.inject_errors"),
  /** Failures inside instrumentation (e.g. an HTTP wrapper's tagging or a user decorator), caught. */
  INSTRUMENTATION_ERRORS("spoor.instrumentation.errors"),
  /** Spans sent to the agent. */
  SPANS_SENT("spoor.reporter.spans_sent"),
  /** Spans dropped because the reporter queue was full. */
  SPANS_DROPPED_QUEUE_FULL("spoor.reporter.dropped.queue_full"),
  /** Spans dropped because they could not fit in one datagram even after shrinking. */
  SPANS_DROPPED_TOO_LARGE("spoor.reporter.dropped.too_large"),
  /** Spans dropped because the reporter was already closed. */
  SPANS_DROPPED_AFTER_CLOSE("spoor.reporter.dropped.after_close"),
  /** Spans dropped because sending their datagram failed. */
  SPANS_DROPPED_SEND_FAILED("spoor.reporter.dropped.send_failed"),
  /** Spans shrunk (logs or tags removed) to fit in a datagram. */
  SPANS_TRUNCATED("spoor.reporter.spans_truncated"),
  /** Datagrams sent. */
  DATAGRAMS_SENT("spoor.reporter.datagrams_sent"),
  /** Failed datagram sends (agent down, host unresolved, socket error). */
  SEND_FAILURES("spoor.reporter.send_failures"),
  /** Polls of a remote sampler that returned a valid sampling strategy (changed or not). */
  SAMPLER_QUERIES_OK("spoor.sampler.queries.ok"),
  /**
   * Polls of a remote sampler that failed: no connection, a timeout, an HTTP error, a body too
   * large, or an answer that is not a valid strategy. The last good strategy stays in force.
   */
  SAMPLER_QUERIES_FAILED("spoor.sampler.queries.failed"),
  /** Times a remote sampler's strategy changed (jaeger-client-java's {@code sampler_updates}). */
  SAMPLER_UPDATES("spoor.sampler.updates");

  private final String metricName;

  Metric(String metricName) {
    this.metricName = metricName;
  }

  /** A dotted name suitable for a metrics registry, e.g. {@code spoor.spans.started}. */
  public String metricName() {
    return metricName;
  }
}
