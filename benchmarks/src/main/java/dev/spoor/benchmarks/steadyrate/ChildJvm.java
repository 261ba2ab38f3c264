package dev.spoor.benchmarks.steadyrate;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one {@link LoadProcess} in its own JVM, with the same flags for every tracer, waits for it
 * and reads its {@link LoadResult}. The child's output goes to a log file next to its result.
 */
final class ChildJvm {
  /**
   * Every child's JVM flags: a fixed 1 GiB heap, G1 (the JDK's default collector on a machine of
   * two or more cores, which most services run), and the heap touched at start, so that the first
   * use of a page (a kernel page fault, counted as the process's CPU) does not land in the
   * measured window in proportion to how much a tracer allocates.
   */
  static final List<String> JVM_FLAGS =
      List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch");

  private final Path workDir;
  private final String classPath;

  /** Children run with this JVM's class path and write their files into {@code workDir}. */
  ChildJvm(Path workDir) throws IOException {
    this.workDir = Files.createDirectories(workDir);
    this.classPath = System.getProperty("java.class.path");
  }

  /**
   * One case of the load: what the child is told, and how to profile it (null for no profile).
   *
   * @param name the stem of the child's result and log files
   * @param environment variables set in the child on top of the tracer's own (e.g. a queue size
   *     for the Jaeger tracers), the same for every tracer of a run
   */
  record Case(String name, String tracer, long rate, long warmupSpans, long measureSpans,
      long maxWindowMillis, Map<String, String> environment, Profile profile) {}

  /** A profile of the measured window: async-profiler's library and the event to sample. */
  record Profile(Path library, String event) {}

  /** Runs {@code c} against the receiver at {@code port}; throws if the child fails. */
  LoadResult run(Case c, int port) throws IOException, InterruptedException {
    Path result = workDir.resolve(c.name() + ".json");
    Path log = workDir.resolve(c.name() + ".log");
    Files.deleteIfExists(result);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    if (c.profile() != null) {
      command.add("-agentpath:" + c.profile().library().toAbsolutePath());
      command.add("-XX:+UnlockDiagnosticVMOptions");
      command.add("-XX:+DebugNonSafepoints");
    }
    command.addAll(List.of("-cp", classPath, LoadProcess.class.getName(),
        "--tracer", c.tracer(),
        "--rate", Long.toString(c.rate()),
        "--warmup-spans", Long.toString(c.warmupSpans()),
        "--measure-spans", Long.toString(c.measureSpans()),
        "--max-window-ms", Long.toString(c.maxWindowMillis()),
        "--port", Integer.toString(port),
        "--result", result.toAbsolutePath().toString()));
    if (c.profile() != null) {
      command.addAll(List.of(
          "--profiler-lib", c.profile().library().toAbsolutePath().toString(),
          "--profile-event", c.profile().event(),
          "--profile-file", workDir.resolve(c.name()).toAbsolutePath().toString()));
    }
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    // Only what this case sets: a JAEGER_* or OTEL_* variable of the caller's must not leak in.
    environment.keySet().removeIf(name -> name.startsWith("JAEGER_") || name.startsWith("OTEL_"));
    environment.putAll(Tracers.environment(c.tracer(), port));
    environment.putAll(c.environment());

    Process process = builder.start();
    // Both windows at most, plus start-up, the tracer's close (5 s or more) and some slack.
    long timeoutMillis = 2 * c.maxWindowMillis() + 120_000;
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IOException(c.name() + ": the child did not finish in " + timeoutMillis + " ms; "
          + tail(log));
    }
    if (process.exitValue() != 0 || !Files.exists(result)) {
      throw new IOException(c.name() + ": the child exited with " + process.exitValue() + "; "
          + tail(log));
    }
    return new Gson().fromJson(Files.readString(result, StandardCharsets.UTF_8),
        LoadResult.class);
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "no log";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return "its log " + log + " ends:\n  "
        + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
