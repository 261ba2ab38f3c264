package dev.spoor.benchmarks.steadyrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Every thread of this process as the Linux kernel sees it ({@code /proc/self/task/<tid>}), the
 * JVM's own (JIT, GC) included: its name ({@code comm}, a Java thread's name cut to 15
 * characters), CPU time in nanoseconds ({@code schedstat}) and how often it gave up the CPU on its
 * own ({@code voluntary_ctxt_switches}: each park, wait or blocking call that slept). The
 * switches of a reporter thread are its wake-ups. Empty where {@code /proc} is missing.
 */
final class NativeThreads {
  /** The kernel keeps 15 characters of a thread's name. */
  static final int NAME_LIMIT = 15;
  private static final Path TASKS = Path.of("/proc/self/task");

  private NativeThreads() {}

  /** One thread at one moment. */
  record Sample(String name, long cpuNanos, long voluntarySwitches) {}

  /** Every thread now, by kernel thread id. */
  static Map<Integer, Sample> now() {
    Map<Integer, Sample> samples = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          samples.put(Integer.parseInt(task.getFileName().toString()), sample(task));
        } catch (IOException | RuntimeException e) {
          // the thread ended while it was read
        }
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return samples;
  }

  private static Sample sample(Path task) throws IOException {
    String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).trim();
    String schedstat = Files.readString(task.resolve("schedstat"), StandardCharsets.UTF_8);
    long cpu = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
    long voluntary = 0;
    for (String line : Files.readAllLines(task.resolve("status"), StandardCharsets.UTF_8)) {
      if (line.startsWith("voluntary_ctxt_switches:")) {
        voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return new Sample(name, cpu, voluntary);
  }

  /** Whether a kernel thread name (cut to 15 characters) belongs to a Java name prefix. */
  static boolean matches(String kernelName, String javaPrefix) {
    String prefix = javaPrefix.length() > NAME_LIMIT ? javaPrefix.substring(0, NAME_LIMIT)
        : javaPrefix;
    return kernelName.startsWith(prefix);
  }
}
