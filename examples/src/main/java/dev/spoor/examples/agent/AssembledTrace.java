package dev.spoor.examples.agent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * All spans the agent has received so far for one trace id, in arrival order: an immutable
 * snapshot, taken when asked for, that the waterfall draws and tests assert on.
 */
public final class AssembledTrace {
  private final long traceIdHigh;
  private final long traceIdLow;
  private final List<ReceivedSpan> spans;

  /** A trace made of {@code spans}, which must all carry the trace id {@code high:low}. */
  public AssembledTrace(long traceIdHigh, long traceIdLow, List<ReceivedSpan> spans) {
    if (spans == null) {
      throw new NullPointerException("spans == null");
    }
    for (ReceivedSpan span : spans) {
      if (span.traceIdHigh() != traceIdHigh || span.traceIdLow() != traceIdLow) {
        throw new IllegalArgumentException("span " + span + " is not in trace "
            + TraceIds.traceIdHex(traceIdHigh, traceIdLow));
      }
    }
    this.traceIdHigh = traceIdHigh;
    this.traceIdLow = traceIdLow;
    this.spans = List.copyOf(spans);
  }

  /** The high 64 bits of the trace id (0 for 64-bit ids). */
  public long traceIdHigh() {
    return traceIdHigh;
  }

  /** The low 64 bits of the trace id. */
  public long traceIdLow() {
    return traceIdLow;
  }

  /** The trace id as the MDC and the Jaeger UI print it (16 or 32 lower-case hex digits). */
  public String traceIdHex() {
    return TraceIds.traceIdHex(traceIdHigh, traceIdLow);
  }

  /** The spans in the order they were received. */
  public List<ReceivedSpan> spans() {
    return spans;
  }

  /** The distinct service names, in order of first appearance. */
  public Set<String> serviceNames() {
    Set<String> names = new LinkedHashSet<>();
    for (ReceivedSpan span : spans) {
      names.add(span.serviceName());
    }
    return names;
  }

  /** The spans reported by {@code serviceName}, in arrival order. */
  public List<ReceivedSpan> spansOf(String serviceName) {
    List<ReceivedSpan> result = new ArrayList<>();
    for (ReceivedSpan span : spans) {
      if (span.serviceName().equals(serviceName)) {
        result.add(span);
      }
    }
    return result;
  }

  /** True when some span is tagged {@code error=true}. */
  public boolean hasError() {
    for (ReceivedSpan span : spans) {
      if (span.isError()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "trace " + traceIdHex() + " with " + spans.size() + " spans from " + serviceNames();
  }
}
