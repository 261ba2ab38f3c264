package dev.spoor.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Renders JMH's JSON, in the shape JMH 1.37 writes it, into the tables of RESULTS.md. */
class ResultsReportTest {
  private static final Machine MACHINE = new Machine(2, "23.5 GiB", "AMD EPYC", "Linux");

  @Test
  void makesOneTablePerBenchmarkAndParametersWithARowPerSystem() {
    JmhRun run = JmhRun.parse(JsonParser.parseString("["
        + result("a.LifecycleBenchmark.oneThread", "avgt", 1, "spoor", "true", 100, 2, 400)
        + "," + result("a.LifecycleBenchmark.oneThread", "avgt", 1, "brave", "true", 150, 3, 800)
        + "," + result("a.LifecycleBenchmark.oneThread", "avgt", 1, "spoor", "false", 50, 1, 0)
        + "]").getAsJsonArray());

    List<ResultTable> tables = ResultTable.group(run.results());

    assertEquals(2, tables.size());
    assertEquals("LifecycleBenchmark.oneThread, sampled=true, threads=1", tables.get(0).title());
    String markdown = tables.get(0).toMarkdown();
    assertTrue(markdown.contains("| spoor | 100 | ± 2.00 | ns/op | 1.00× | 400 | 1.00× |"),
        markdown);
    assertTrue(markdown.contains("| brave | 150 | ± 3.00 | ns/op | 1.50× | 800 | 2.00× |"),
        markdown);
  }

  @Test
  void showsTheOverheadOverAnUntracedRowAndNoRatioWithoutSpoor() {
    JmhRun run = JmhRun.parse(JsonParser.parseString("["
        + result("a.HttpBenchmark.roundTrip", "thrpt", 1, "untraced", null, 1000, 10, 0)
        + "," + result("a.HttpBenchmark.roundTrip", "thrpt", 1, "brave", null, 800, 10, 0)
        + "]").getAsJsonArray());

    String markdown = ResultTable.group(run.results()).get(0).toMarkdown();

    assertTrue(markdown.contains("higher score is better"), markdown);
    assertTrue(markdown.contains("| brave | 800 | ± 10.0 | ops/s | n/a | 0.00 | n/a | +25.0% |"),
        markdown);
  }

  @Test
  void headerNamesTheMachineTheJvmTheCommandAndTheNote() {
    JmhRun run = JmhRun.parse(JsonParser.parseString("["
        + result("a.B.m", "avgt", 1, "spoor", null, 1, Double.NaN, 0) + "]").getAsJsonArray());

    String markdown = ResultsReport.render(
        run, MACHINE, Instant.parse("2026-01-02T03:04:05Z"), "benchmarks/run.sh", "SMOKE RUN");

    assertTrue(markdown.contains("**SMOKE RUN**"), markdown);
    assertTrue(markdown.contains("| Machine | 2 processors (nproc), 23.5 GiB, AMD EPYC |"),
        markdown);
    assertTrue(markdown.contains("| JVM | OpenJDK 64-Bit Server VM 17.0.15 (JDK 17.0.15) |"),
        markdown);
    assertTrue(markdown.contains("| Date | 2026-01-02T03:04:05Z |"), markdown);
    assertTrue(markdown.contains("| Command | `benchmarks/run.sh` |"), markdown);
    assertTrue(markdown.contains("| spoor | 1.00 | n/a | ns/op |"), markdown);
  }

  @Test
  void readsMemoryAndCpuModelFromProcFiles() {
    assertEquals("23.5 GiB", Machine.memory(List.of("MemTotal:       24641536 kB")));
    assertEquals("AMD EPYC", Machine.cpuModel(List.of("processor\t: 0", "model name\t: AMD EPYC")));
  }

  /** One result as JMH 1.37 writes it with {@code -prof gc}; NaN errors are written as strings. */
  private static String result(String benchmark, String mode, int threads, String system,
      String sampled, double score, double error, double bytesPerOp) {
    String unit = mode.equals("thrpt") ? "ops/s" : "ns/op";
    String params = "\"system\": \"" + system + "\""
        + (sampled == null ? "" : ", \"sampled\": \"" + sampled + "\"");
    return "{\"jmhVersion\": \"1.37\", \"benchmark\": \"" + benchmark + "\", \"mode\": \"" + mode
        + "\", \"threads\": " + threads + ", \"forks\": 1, \"jvmArgs\": [\"-Xmx2g\"],"
        + " \"jdkVersion\": \"17.0.15\", \"vmName\": \"OpenJDK 64-Bit Server VM\","
        + " \"vmVersion\": \"17.0.15\", \"warmupIterations\": 4, \"warmupTime\": \"2 s\","
        + " \"measurementIterations\": 5, \"measurementTime\": \"2 s\","
        + " \"params\": {" + params + "},"
        + " \"primaryMetric\": {\"score\": " + score + ", \"scoreError\": \""
        + error + "\", \"scoreUnit\": \"" + unit + "\"},"
        + " \"secondaryMetrics\": {\"gc.alloc.rate.norm\": {\"score\": " + bytesPerOp
        + ", \"scoreError\": \"NaN\", \"scoreUnit\": \"B/op\"}}}";
  }
}
