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
  SPANS_FINISHED_SAMPLED("spoor.spans.finished_sampled"),
  /** Spans started in a sampled trace. */
  SPANS_SAMPLED("spoor.spans.sampled"),
  /**
   * Spans started in an unsampled trace: never reported, and not counted again when finished. Spans
   * started on a closed or disabled tracer count here too, as they record nothing.
   */
  SPANS_NOT_SAMPLED("spoor.spans.not_sampled"),
  /**
   * Traces started (root spans, sampled or not). The tracer does not increment it: {@link
   * SpoorMetrics#get} reads it as {@link #TRACES_STARTED_SAMPLED} + {@link
   * #TRACES_STARTED_NOT_SAMPLED} (plus any direct increments).
   */
  TRACES_STARTED("spoor.traces.started"),
  /** Traces started sampled (jaeger-client-java's {@code traces{state=started,sampled=y}}). */
  TRACES_STARTED_SAMPLED("spoor.traces.started_sampled"),
  /**
   * Traces started not sampled, including those of a closed or disabled tracer (jaeger-client-java's
   * {@code traces{state=started,sampled=n}}).
   */
  TRACES_STARTED_NOT_SAMPLED("spoor.traces.started_not_sampled"),
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
  /** Spans sent: in a datagram the kernel took, or in a request the backend accepted (2xx). */
  SPANS_SENT("spoor.reporter.spans_sent"),
  /** Spans dropped because the reporter queue was full. */
  SPANS_DROPPED_QUEUE_FULL("spoor.reporter.dropped.queue_full"),
  /** Spans dropped because they could not fit in one datagram even after shrinking. */
  SPANS_DROPPED_TOO_LARGE("spoor.reporter.dropped.too_large"),
  /** Spans dropped because the reporter was already closed. */
  SPANS_DROPPED_AFTER_CLOSE("spoor.reporter.dropped.after_close"),
  /**
   * Spans dropped because their message could not be sent: a socket error, the backend down or
   * failing (connection error, timeout, 429 or 5xx) once the attempts or the close timeout ran
   * out.
   */
  SPANS_DROPPED_SEND_FAILED("spoor.reporter.dropped.send_failed"),
  /** Spans shrunk (logs or tags removed) to fit in a datagram. */
  SPANS_TRUNCATED("spoor.reporter.spans_truncated"),
  /** Datagrams sent to a Jaeger agent (as {@link #MESSAGES_SENT}, for the UDP sender only). */
  DATAGRAMS_SENT("spoor.reporter.datagrams_sent"),
  /**
   * Failed send attempts (agent or collector down, host unresolved, socket error, timeout, an
   * HTTP status other than 2xx and 413); a retried message counts once per failed attempt.
   */
  SEND_FAILURES("spoor.reporter.send_failures"),
  /**
   * Spans dropped because the backend refused their message for good (an HTTP 4xx other than 413
   * and 429, e.g. 400, 401, 403, 404, or a 5xx other than 502, 503, 504): sending it again would
   * not help.
   */
  SPANS_DROPPED_REJECTED("spoor.reporter.dropped.rejected"),
  /** Messages sent, whatever the transport: datagrams, or HTTP requests answered with 2xx. */
  MESSAGES_SENT("spoor.reporter.messages_sent"),
  /** Send attempts repeated after a retryable failure (connection error, 429, 502, 503, 504). */
  SEND_RETRIES("spoor.reporter.send_retries"),
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
