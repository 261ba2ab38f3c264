package dev.spoor.benchmarks.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JMH run read from its JSON file: the results in the order JMH ran them, and the settings and
 * JVM that the first result records (one run uses the same for all).
 *
 * @param results every benchmark result
 * @param jvm the JVM that ran the benchmarks, e.g. {@code OpenJDK 64-Bit Server VM 17.0.15+6}
 * @param jmhVersion JMH's version
 * @param settings forks, warmup and measurement iterations as JMH recorded them
 */
record JmhRun(List<JmhResult> results, String jvm, String jmhVersion, String settings) {
  private static final String ALLOCATION = "gc.alloc.rate.norm";

  /** Reads JMH's {@code -rf json} output. */
  static JmhRun read(Path json) throws IOException {
    try (Reader reader = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
      return parse(JsonParser.parseReader(reader).getAsJsonArray());
    }
  }

  /** Parses the JSON array JMH writes: one object per result. */
  static JmhRun parse(JsonArray array) {
    List<JmhResult> results = new ArrayList<>();
    for (JsonElement element : array) {
      results.add(result(element.getAsJsonObject()));
    }
    if (array.isEmpty()) {
      return new JmhRun(results, "unknown", "unknown", "unknown");
    }
    JsonObject first = array.get(0).getAsJsonObject();
    String jvm = text(first, "vmName") + " " + text(first, "vmVersion")
        + " (JDK " + text(first, "jdkVersion") + ")";
    String settings = text(first, "forks") + " fork(s), "
        + text(first, "warmupIterations") + " warmup × " + text(first, "warmupTime") + ", "
        + text(first, "measurementIterations") + " measurement × "
        + text(first, "measurementTime") + "; JVM args: " + first.get("jvmArgs");
    return new JmhRun(results, jvm, text(first, "jmhVersion"), settings);
  }

  private static JmhResult result(JsonObject json) {
    Map<String, String> params = new LinkedHashMap<>();
    JsonObject jsonParams = json.getAsJsonObject("params");
    if (jsonParams != null) {
      for (Map.Entry<String, JsonElement> param : jsonParams.entrySet()) {
        params.put(param.getKey(), param.getValue().getAsString());
      }
    }
    JsonObject primary = json.getAsJsonObject("primaryMetric");
    JsonObject secondary = json.getAsJsonObject("secondaryMetrics");
    double bytesPerOp = Double.NaN;
    if (secondary != null && secondary.has(ALLOCATION)) {
      bytesPerOp = secondary.getAsJsonObject(ALLOCATION).get("score").getAsDouble();
    }
    return new JmhResult(
        text(json, "benchmark"),
        text(json, "mode"),
        json.get("threads").getAsInt(),
        params,
        primary.get("score").getAsDouble(),
        primary.get("scoreError").getAsDouble(), // JMH writes "NaN" as a string; Gson parses it
        text(primary, "scoreUnit"),
        bytesPerOp);
  }

  private static String text(JsonObject json, String name) {
    JsonElement value = json.get(name);
    return value == null || value.isJsonNull() ? "?" : value.getAsString();
  }
}
