package dev.spoor.examples.page;

import static dev.spoor.examples.testing.JaegerDatagrams.boolTag;
import static dev.spoor.examples.testing.JaegerDatagrams.span;
import static dev.spoor.examples.testing.JaegerDatagrams.stringTag;
import static dev.spoor.examples.testing.JaegerDatagrams.withTags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.agent.ReceivedSpan;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OperationStatsTest {
  private static final long T0 = 1_796_000_000_000_000L;

  @Test
  void takesPercentilesByNearestRank() {
    long[] ten = LongStream.rangeClosed(1, 10).toArray();
    assertEquals(5, OperationStats.percentile(ten, 50));
    assertEquals(10, OperationStats.percentile(ten, 95));
    assertEquals(10, OperationStats.percentile(ten, 99));
    long[] hundred = LongStream.rangeClosed(1, 100).toArray();
    assertEquals(50, OperationStats.percentile(hundred, 50));
    assertEquals(95, OperationStats.percentile(hundred, 95));
    assertEquals(99, OperationStats.percentile(hundred, 99));
    assertEquals(100, OperationStats.percentile(hundred, 100));
    assertEquals(7, OperationStats.percentile(new long[] {7}, 1));
    assertThrows(IllegalArgumentException.class, () -> OperationStats.percentile(new long[0], 50));
    assertThrows(IllegalArgumentException.class, () -> OperationStats.percentile(ten, 0));
  }

  @Test
  void countsRequestsAndErrorsPerServiceOperationAndKindWithTheSlowestTraceAsExemplar() {
    List<AssembledTrace> traces = List.of(
        trace(1, 4_000, false), trace(2, 9_000, true), trace(3, 2_000, false),
        trace(4, 6_000, false));

    List<OperationStats> stats = OperationStats.of(traces);

    assertEquals(2, stats.size(), stats::toString);
    OperationStats server = stats.get(0);
    assertEquals(List.of("gateway", "GET /checkout", "server"),
        List.of(server.service(), server.operation(), server.kind()));
    assertEquals(4, server.requests());
    assertEquals(1, server.errors());
    assertEquals(4_000, server.p50Micros());
    assertEquals(9_000, server.p95Micros());
    assertEquals(9_000, server.p99Micros());
    assertEquals(9_000, server.slowestMicros());
    assertEquals(traces.get(1).traceIdHex(), server.slowestTraceId());
    assertEquals("0000000000000001", server.slowestSpanId());
    OperationStats internal = stats.get(1);
    assertEquals(List.of("gateway", "render", ""),
        List.of(internal.service(), internal.operation(), internal.kind()));
    assertEquals(0, internal.errors());
    assertEquals(1_000, internal.p99Micros());
  }

  private static AssembledTrace trace(long id, long micros, boolean error) {
    Span root = withTags(span(id, 1, 0, "GET /checkout", T0, micros),
        stringTag("span.kind", "server"));
    if (error) {
      withTags(root, boolTag("error", true));
    }
    Span render = span(id, 2, 1, "render", T0, 1_000);
    Process gateway = new Process("gateway");
    return new AssembledTrace(0L, id,
        List.of(new ReceivedSpan(root, gateway), new ReceivedSpan(render, gateway)));
  }
}
