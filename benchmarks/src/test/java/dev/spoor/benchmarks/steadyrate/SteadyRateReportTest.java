package dev.spoor.benchmarks.steadyrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.benchmarks.report.Machine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SteadyRateReportTest {
  private static final SteadyRateReport.Header HEADER = new SteadyRateReport.Header(
      Instant.parse("2026-12-02T01:00:00Z"), new Machine(2, "23.5 GiB", "AMD EPYC", "Linux"),
      "benchmarks/steady-rate.sh", "", 10, 20, 1, Map.of(), ChildJvm.JVM_FLAGS);

  @Test
  void subtractsTheNoopTracersCpuAtTheSameRateAndComparesWithSpoor() {
    String report = SteadyRateReport.render(List.of(
        result(Tracers.NOOP, 100_000, 1_000, 0, 0),
        result(Tracers.SPOOR, 100_000, 3_000, 1_000_001, 0),
        result(Tracers.JAEGER_CLIENT, 100_000, 9_000, 1_000_001, 0),
        result(Tracers.BRAVE, 100_000, 5_000, 1_000_001, 0)), HEADER);

    // Net: Spoor 2,000 ns, jaeger-client 8,000 ns (4.00x), Brave 4,000 ns (2.00x).
    assertTrue(report.contains("| spoor | 100,000 | 1.5 ms | 3,000 ns | 2,000 ns | 1.00× |"),
        report);
    assertTrue(report.contains(
        "| jaeger-client | 100,000 | 1.5 ms | 9,000 ns | 8,000 ns | 4.00× |"), report);
    assertTrue(report.contains("| noop | 100,000 | 1.5 ms | 1,000 ns | baseline |"), report);
    assertTrue(report.contains(
        "jaeger-client ÷ Spoor 4.00× (goal ≥ 6×): **missed**; "
            + "brave ÷ Spoor 2.00× (goal > 1×): met; Spoor's spans all delivered."), report);
    assertTrue(report.contains("| Tracer settings | every tracer's defaults"), report);
  }

  @Test
  void marksARowWithMissingSpansInvalidAndSaysHowMany() {
    String report = SteadyRateReport.render(List.of(
        result(Tracers.NOOP, 10_000, 1_000, 0, 0),
        result(Tracers.SPOOR, 10_000, 1_100, 1_000_001, 3_392)), HEADER);

    assertTrue(report.contains("| 1,000,001 | 996,609 | **no**: 3,392 not delivered |"), report);
    assertTrue(report.contains("Spoor's spans **not all delivered**"), report);
  }

  @Test
  void showsTheRoundOfMedianCpuOfEachCase() {
    List<CaseResult> rounds = List.of(
        result(Tracers.SPOOR, 10_000, 5_000, 1, 0),
        result(Tracers.SPOOR, 10_000, 1_000, 1, 0),
        result(Tracers.SPOOR, 10_000, 2_000, 1, 0));

    List<CaseResult> shown = SteadyRateReport.shown(rounds);

    assertEquals(1, shown.size());
    assertEquals(2_000, shown.get(0).load().processCpuPerSpan(), 0.001);
  }

  /** A case of 1,000,000 measured spans at {@code cpuPerSpan} ns of process CPU each. */
  private static CaseResult result(String tracer, long rate, long cpuPerSpan, long finished,
      long missing) {
    LoadResult load = new LoadResult();
    load.tracer = tracer;
    load.targetRate = rate;
    load.measuredSpans = 1_000_000;
    load.windowNanos = 1_000_000L * 1_000_000_000L / rate;
    load.maxLagNanos = 1_500_000;
    load.processCpuNanos = cpuPerSpan * load.measuredSpans;
    load.spansFinished = finished;
    load.jvm = "test VM";
    long delivered = Tracers.reports(tracer) ? finished - missing : 0;
    return new CaseResult(load, 1, delivered, 10, 1000, 0, null, 0);
  }
}
