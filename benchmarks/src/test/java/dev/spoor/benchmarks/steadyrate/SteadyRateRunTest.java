package dev.spoor.benchmarks.steadyrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tiny real runs of the benchmark, one child JVM per tracer: 500 warm-up and 1,000 measured spans
 * at 10,000 spans/s into the tracer's receiver. Every queue is larger than the run (the Jaeger
 * tracers' through {@code JAEGER_REPORTER_MAX_QUEUE_SIZE}; Brave's holds 10,000 and
 * OpenTelemetry's 2,048), so no span may be missing: the receiver must count every span each peer
 * sent, and the first payload must decode, with the peer's own library, to the load's spans.
 */
class SteadyRateRunTest {
  private static final long RATE = 10_000;
  private static final long WARMUP = 500;
  private static final long MEASURED = 1_000;
  private static final Map<String, String> ROOMY_QUEUES =
      Map.of("JAEGER_REPORTER_MAX_QUEUE_SIZE", "2000");

  @TempDir
  Path workDir;

  static Stream<String> tracers() {
    return Tracers.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("tracers")
  void childMeasuresItsWindowAndTheReceiverCountsEverySpan(String tracer) throws Exception {
    CaseResult result = new CaseRunner(new ChildJvm(workDir)).run(tinyCase(tracer, null), 1);
    LoadResult load = result.load();

    assertEquals(tracer, load.tracer);
    assertEquals(WARMUP, load.warmupSpans);
    assertEquals(MEASURED, load.measuredSpans);
    assertEquals(WARMUP + MEASURED + 1, load.spansFinished); // and the parent
    assertTrue(load.windowNanos >= 99_900_000, () -> "never early: " + load.windowNanos + " ns");
    assertTrue(load.loadThreadCpuNanos > 0);
    assertTrue(load.loadThreadSwitches > 0, "the load thread parked between spans");
    assertTrue(load.kernelThreadsCpuNanos > 0);
    assertTrue(load.processCpuNanos >= 0);
    assertTrue(load.threads.stream().anyMatch(t -> t.name.equals(LoadProcess.LOAD_THREAD)));
    assertTrue(load.jvmArguments.containsAll(ChildJvm.JVM_FLAGS), () -> "" + load.jvmArguments);

    if (Tracers.reports(tracer)) {
      assertFalse(load.backgroundThreads.isEmpty(), "the tracer's reporter thread was found");
      assertEquals(load.spansFinished, result.delivered(), () -> "delivered: " + result);
      assertTrue(result.payloads() > 0);
      assertEquals(0, result.receiveFailures());
      assertNull(result.problem());
      assertTrue(result.valid());
    } else {
      assertTrue(load.backgroundThreads.isEmpty(), () -> "" + load.backgroundThreads);
      assertEquals(0, result.delivered());
      assertEquals(0, load.backgroundCpuNanos);
    }
  }

  @Test
  void profilesTheMeasuredWindowWithAsyncProfiler() throws Exception {
    Path library = SteadyRateRunner.extractProfiler(workDir);
    CaseResult result = new CaseRunner(new ChildJvm(workDir))
        .run(tinyCase(Tracers.SPOOR, new ChildJvm.Profile(library, "itimer")), 0);

    Path collapsed = Path.of(result.load().profile + ".collapsed");
    List<String> stacks = Files.readAllLines(collapsed, StandardCharsets.UTF_8);
    assertTrue(stacks.stream().anyMatch(line -> line.startsWith("[" + LoadProcess.LOAD_THREAD)),
        () -> "no stack of the load thread in " + collapsed);
    assertTrue(Files.size(Path.of(result.load().profile + ".html")) > 0);
    assertNull(result.load().profileNote);
  }

  private static ChildJvm.Case tinyCase(String tracer, ChildJvm.Profile profile) {
    String name = tracer + (profile == null ? "" : "-profile");
    return new ChildJvm.Case(name, tracer, RATE, WARMUP, MEASURED, 20_000, ROOMY_QUEUES,
        profile);
  }
}
