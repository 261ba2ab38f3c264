package dev.spoor.benchmarks.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.benchmarks.ParamValues;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each sampler of {@link RootSpanSamplingBenchmark} once through the benchmark's own state:
 * the span is a root the sampler decided, sampled at probability 1 with the deciding sampler's
 * tags, and the remote sampler's strategy was in force before measuring.
 */
class RootSpanSamplingBenchmarkTest {
  static Stream<String> systems() {
    return ParamValues.of(RootSpanSamplingBenchmark.Tracers.class, "system").stream();
  }

  @ParameterizedTest
  @MethodSource("systems")
  void aRootSpanIsDecidedByTheSamplerUnderTest(String system) throws Exception {
    RootSpanSamplingBenchmark.Tracers tracers = new RootSpanSamplingBenchmark.Tracers();
    tracers.system = system;
    tracers.probability = 1.0;
    tracers.build();
    long before = tracers.reporter.spansReported();

    FinishedSpan span = (FinishedSpan) new RootSpanSamplingBenchmark().oneThread(tracers);

    assertEquals(before + 1, tracers.reporter.spansReported());
    assertEquals(0L, span.context().parentId());
    assertEquals(RootSpanSamplingBenchmark.OPERATION, span.operationName());
    assertEquals("probabilistic", span.tags().get("sampler.type"));
    assertEquals(1.0, span.tags().get("sampler.param"));
    if (!system.equals("spoor")) {
      assertTrue(tracers.sampler.toString().contains("current=PerOperationSampler"),
          tracers.sampler.toString());
    }
    tracers.close();
  }
}
