package dev.spoor.benchmarks.steadyrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

  @Test
  void defaultsToEveryTracerAtTheThreeRates() {
    RunOptions options = RunOptions.parse(new String[0]);

    assertEquals(Tracers.ALL, options.tracers());
    assertEquals(List.of(10_000L, 100_000L, 1_000_000L), options.rates());
    assertEquals(10, options.warmupSeconds());
    assertEquals(20, options.measureSeconds());
    assertEquals(Map.of(), options.environment());
    assertEquals(41_000, options.maxWindowMillis());
  }

  @Test
  void readsTracersRatesWindowsVariablesAndProfiles() {
    RunOptions options = RunOptions.parse(new String[] {
        "--tracers", "noop,spoor", "--rates", "100000", "--warmup-seconds", "0.5",
        "--measure-seconds", "2", "--env", "JAEGER_REPORTER_MAX_QUEUE_SIZE=10000",
        "--profile", "spoor@100000:cpu+wall,jaeger-client@10000:wall", "--out", "none"});

    assertEquals(List.of("noop", "spoor"), options.tracers());
    assertEquals(List.of(100_000L), options.rates());
    assertEquals(50_000, RunOptions.spans(100_000, options.warmupSeconds()));
    assertEquals(Map.of("JAEGER_REPORTER_MAX_QUEUE_SIZE", "10000"), options.environment());
    assertEquals(List.of(
        new RunOptions.ProfileRequest("spoor", 100_000, List.of("cpu", "wall")),
        new RunOptions.ProfileRequest("jaeger-client", 10_000, List.of("wall"))),
        options.profiles());
    assertEquals(null, options.out());
  }

  @Test
  void failsNamingTheBadOption() {
    IllegalArgumentException unknownTracer = assertThrows(IllegalArgumentException.class,
        () -> RunOptions.parse(new String[] {"--tracers", "zipkin"}));
    assertEquals("unknown tracer 'zipkin'; known: " + Tracers.ALL, unknownTracer.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RunOptions.parse(new String[] {"--measure-seconds", "0"}));
    assertThrows(IllegalArgumentException.class,
        () -> RunOptions.parse(new String[] {"--env", "=1"}));
    assertThrows(IllegalArgumentException.class,
        () -> RunOptions.parse(new String[] {"--profile", "spoor:cpu"}));
    assertThrows(IllegalArgumentException.class, () -> RunOptions.parse(new String[] {"--rates"}));
  }
}
