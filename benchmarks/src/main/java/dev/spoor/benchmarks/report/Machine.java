package dev.spoor.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine the benchmarks ran on, as far as this JVM can tell: processors, memory and CPU model
 * (from Linux's {@code /proc}; "unknown" elsewhere) and the operating system. Public for the
 * steady-rate report, which describes its machine the same way.
 *
 * @param processors available processors, as {@code nproc} counts them
 * @param memory total memory, e.g. {@code 23.4 GiB}
 * @param cpuModel the first {@code model name} in {@code /proc/cpuinfo}
 * @param os the operating system's name, version and architecture
 */
public record Machine(int processors, String memory, String cpuModel, String os) {

  /** Describes the machine this JVM runs on. */
  public static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        memory(lines("/proc/meminfo")),
        cpuModel(lines("/proc/cpuinfo")),
        System.getProperty("os.name") + " " + System.getProperty("os.version")
            + " " + System.getProperty("os.arch"));
  }

  static String memory(List<String> meminfo) {
    for (String line : meminfo) {
      if (line.startsWith("MemTotal:")) {
        String kib = line.substring("MemTotal:".length()).replace("kB", "").trim();
        return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kib) / (1024.0 * 1024.0));
      }
    }
    return "unknown";
  }

  static String cpuModel(List<String> cpuinfo) {
    for (String line : cpuinfo) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown";
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
