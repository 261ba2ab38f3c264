package dev.spoor.examples.agent;

import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import java.util.List;

/**
 * One decoded span together with the process (service) of the batch it arrived in: the unit the
 * agent stores and the waterfall draws. The wrapped Thrift objects are the agent's own copies.
 */
public final class ReceivedSpan {
  private final Span span;
  private final Process process;

  /** Pairs {@code span} with the {@code process} of its batch; both are copied. */
  public ReceivedSpan(Span span, Process process) {
    if (span == null) {
      throw new NullPointerException("span == null");
    }
    if (process == null) {
      throw new NullPointerException("process == null");
    }
    this.span = new Span(span);
    this.process = new Process(process);
  }

  /** The decoded Jaeger Thrift span, for assertions on any field (a copy; changes are not kept). */
  public Span span() {
    return new Span(span);
  }

  /** The decoded Jaeger Thrift process of the batch that carried the span (a copy). */
  public Process process() {
    return new Process(process);
  }

  /** The service name of the reporting tracer. */
  public String serviceName() {
    return process.getServiceName();
  }

  /** The span's operation name. */
  public String operationName() {
    return span.getOperationName();
  }

  /** The high 64 bits of the trace id (0 for 64-bit trace ids). */
  public long traceIdHigh() {
    return span.getTraceIdHigh();
  }

  /** The low 64 bits of the trace id. */
  public long traceIdLow() {
    return span.getTraceIdLow();
  }

  /** The trace id in the hex form used by the MDC and the Jaeger UI. */
  public String traceIdHex() {
    return TraceIds.traceIdHex(span.getTraceIdHigh(), span.getTraceIdLow());
  }

  /** The span id. */
  public long spanId() {
    return span.getSpanId();
  }

  /**
   * The id of the span this one descends from: the {@code parentSpanId} field when set, else the
   * first {@code CHILD_OF} reference within the same trace, else the first reference of any kind
   * within the trace; 0 for a root.
   */
  public long parentSpanId() {
    if (span.getParentSpanId() != 0L) {
      return span.getParentSpanId();
    }
    List<SpanRef> references = span.getReferences();
    if (references == null) {
      return 0L;
    }
    long followsFrom = 0L;
    for (SpanRef reference : references) {
      if (reference.getTraceIdHigh() != span.getTraceIdHigh()
          || reference.getTraceIdLow() != span.getTraceIdLow()) {
        continue;
      }
      if (reference.getRefType() == SpanRefType.CHILD_OF) {
        return reference.getSpanId();
      }
      if (followsFrom == 0L) {
        followsFrom = reference.getSpanId();
      }
    }
    return followsFrom;
  }

  /** Start of the span in microseconds since the epoch. */
  public long startMicros() {
    return span.getStartTime();
  }

  /** Duration of the span in microseconds; a negative value on the wire reads as 0. */
  public long durationMicros() {
    return Math.max(0L, span.getDuration());
  }

  /**
   * The value of the span tag {@code key} in string form, whatever its Thrift type, or null when
   * the span has no such tag.
   */
  public String tag(String key) {
    return TagValues.find(span.getTags(), key);
  }

  /** The value of the process tag {@code key} in string form, or null when absent. */
  public String processTag(String key) {
    return TagValues.find(process.getTags(), key);
  }

  /** True when the span carries the tag {@code error=true} (boolean or string), as Jaeger shows. */
  public boolean isError() {
    return "true".equals(tag("error"));
  }

  /** The span's log events, for assertions; an empty list when it has none. */
  public List<io.jaegertracing.thriftjava.Log> logs() {
    List<io.jaegertracing.thriftjava.Log> logs = span.getLogs();
    return logs == null ? List.of() : List.copyOf(logs);
  }

  /** All span tags; an empty list when it has none. */
  public List<Tag> tags() {
    List<Tag> tags = span.getTags();
    return tags == null ? List.of() : List.copyOf(tags);
  }

  @Override
  public String toString() {
    return serviceName() + " " + operationName() + " " + traceIdHex() + ":"
        + TraceIds.spanIdHex(spanId());
  }
}
