package dev.spoor.reliability;

import dev.spoor.reporter.AgentReceiver;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a child JVM and returns its exit code and output. */
final class ChildJvm {
  final int exitCode;
  final String output;

  private ChildJvm(int exitCode, String output) {
    this.exitCode = exitCode;
    this.output = output;
  }

  /** Runs {@code mainClass} with {@code jvmOptions} and {@code args}; fails if it hangs. */
  static ChildJvm run(List<String> jvmOptions, Class<?> mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(Arrays.asList(args));
    File output = File.createTempFile("spoor-child", ".log");
    try {
      Process child = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(output).start();
      if (!child.waitFor(AgentReceiver.DEADLINE_MILLIS * 2, TimeUnit.MILLISECONDS)) {
        child.destroyForcibly().waitFor();
        throw new AssertionError(mainClass.getSimpleName() + " did not exit");
      }
      return new ChildJvm(child.exitValue(),
          new String(Files.readAllBytes(output.toPath()), StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output.toPath());
    }
  }
}
