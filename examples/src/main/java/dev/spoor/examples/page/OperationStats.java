package dev.spoor.examples.page;

import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.agent.ReceivedSpan;
import dev.spoor.examples.agent.TraceIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RED figures of one operation over a set of traces, as a metrics backend fed from spans would
 * show them: how many spans (requests) it had, how many were errors, the 50th, 95th and 99th
 * percentile of their durations, and the trace of its slowest span as the exemplar that says
 * <em>where</em> the time went.
 *
 * @param service the service that reported the spans
 * @param operation the operation name
 * @param kind the {@code span.kind} tag ({@code server}, {@code client}, ...), or empty
 * @param requests spans of this operation
 * @param errors of those, spans tagged {@code error=true}
 * @param p50Micros median duration (nearest rank)
 * @param p95Micros 95th percentile duration (nearest rank)
 * @param p99Micros 99th percentile duration (nearest rank)
 * @param slowestMicros the longest duration
 * @param slowestTraceId the trace holding the longest span
 * @param slowestSpanId that span's id, 16 hex digits
 */
public record OperationStats(String service, String operation, String kind, int requests,
    int errors, long p50Micros, long p95Micros, long p99Micros, long slowestMicros,
    String slowestTraceId, String slowestSpanId) {

  /**
   * The figures of every operation in {@code traces}, one per service, operation name and span
   * kind, sorted by service, then operation, then kind.
   */
  public static List<OperationStats> of(List<AssembledTrace> traces) {
    if (traces == null) {
      throw new NullPointerException("traces == null");
    }
    Map<List<String>, List<Sample>> byOperation = new LinkedHashMap<>();
    for (AssembledTrace trace : traces) {
      for (ReceivedSpan span : trace.spans()) {
        String kind = span.tag("span.kind");
        List<String> key = List.of(span.serviceName(), nonNull(span.operationName()),
            kind == null ? "" : kind);
        byOperation.computeIfAbsent(key, k -> new ArrayList<>())
            .add(new Sample(span.durationMicros(), span.isError(), trace.traceIdHex(),
                TraceIds.spanIdHex(span.spanId())));
      }
    }
    List<OperationStats> result = new ArrayList<>(byOperation.size());
    for (Map.Entry<List<String>, List<Sample>> entry : byOperation.entrySet()) {
      result.add(summarize(entry.getKey(), entry.getValue()));
    }
    result.sort(Comparator.comparing(OperationStats::service)
        .thenComparing(OperationStats::operation).thenComparing(OperationStats::kind));
    return result;
  }

  /**
   * The nearest-rank percentile {@code p} (0 < p <= 100) of {@code sorted}, which must be in
   * ascending order and not empty: the smallest value with at least p % of the values at or below
   * it. With few samples, p95 and p99 are the maximum, as they should be.
   */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("p out of (0, 100]: " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(1, rank) - 1];
  }

  private static OperationStats summarize(List<String> key, List<Sample> samples) {
    long[] durations = new long[samples.size()];
    int errors = 0;
    Sample slowest = samples.get(0);
    for (int i = 0; i < durations.length; i++) {
      Sample sample = samples.get(i);
      durations[i] = sample.micros;
      if (sample.error) {
        errors++;
      }
      if (sample.micros > slowest.micros) {
        slowest = sample;
      }
    }
    Arrays.sort(durations);
    return new OperationStats(key.get(0), key.get(1), key.get(2), samples.size(), errors,
        percentile(durations, 50), percentile(durations, 95), percentile(durations, 99),
        slowest.micros, slowest.traceId, slowest.spanId);
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  private record Sample(long micros, boolean error, String traceId, String spanId) {}
}
