package dev.spoor.benchmarks.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.benchmarks.ParamValues;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@link FloodBenchmark} briefly through its own states: each tracer's real reporter takes
 * the spans with no agent listening, and Spoor's counters account for every one after close.
 */
class FloodBenchmarkTest {

  static Stream<String> systems() {
    return ParamValues.of(FloodBenchmark.Tracers.class, "system").stream();
  }

  @ParameterizedTest
  @MethodSource("systems")
  void finishesSpansIntoTheRealReporterWithNoAgentListening(String system) throws Exception {
    FloodBenchmark.Tracers tracers = new FloodBenchmark.Tracers();
    tracers.system = system;
    tracers.build();
    FloodBenchmark.ActiveParent parent = new FloodBenchmark.ActiveParent();
    parent.activate(tracers);

    FloodBenchmark benchmark = new FloodBenchmark();
    for (int i = 0; i < 1000; i++) {
      assertTrue(benchmark.eightThreads(tracers, parent) != null);
    }
    parent.deactivate();

    if (system.equals("spoor")) {
      assertEquals(1001, tracers.peer.spansReported()); // the children and the parent
    }
    tracers.close(); // closes the tracer and checks Spoor's accounting
  }
}
