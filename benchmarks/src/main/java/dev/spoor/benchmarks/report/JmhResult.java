package dev.spoor.benchmarks.report;

import java.util.Map;

/**
 * One line of JMH's JSON output: a benchmark method run with one set of parameters.
 *
 * @param benchmark the fully qualified benchmark method
 * @param mode JMH's mode: {@code avgt}, {@code thrpt}, {@code sample} or {@code ss}
 * @param threads the number of benchmark threads
 * @param params the {@code @Param} values, in JMH's order
 * @param score the primary score
 * @param error the half-width of its 99.9% confidence interval; NaN with too few iterations
 * @param unit the unit of the score, e.g. {@code ns/op}
 * @param bytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm}); NaN without
 *     {@code -prof gc}
 */
record JmhResult(
    String benchmark,
    String mode,
    int threads,
    Map<String, String> params,
    double score,
    double error,
    String unit,
    double bytesPerOp) {

  /** The parameter that names the measured tracer. */
  static final String SYSTEM_PARAM = "system";

  /** The tracer measured, or the benchmark's method name when it has no {@code system}. */
  String system() {
    String system = params.get(SYSTEM_PARAM);
    return system != null ? system : method();
  }

  /** The benchmark's class and method, without the package. */
  String shortName() {
    int method = benchmark.lastIndexOf('.');
    int type = benchmark.lastIndexOf('.', method - 1);
    return benchmark.substring(type + 1);
  }

  private String method() {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  /** True when a higher score is better (throughput), false for times. */
  boolean higherIsBetter() {
    return mode.equals("thrpt");
  }
}
