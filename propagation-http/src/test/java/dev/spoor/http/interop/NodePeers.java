package dev.spoor.http.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Node peers' installation: {@code src/test/node} copied to {@code target/node-interop} and
 * its exact dependencies installed there with {@code npm ci} from the committed lock file, once
 * per lock file (a stamp holds the lock's hash, so later runs reuse the install). When {@code
 * node} or {@code npm} is missing the tests fail with a message saying so: they never pass, or
 * skip, without having run the peers.
 */
final class NodePeers {
  private static final Path SOURCES = Paths.get("src", "test", "node");
  private static final Path INSTALL = Paths.get("target", "node-interop");
  private static final Path STAMP = INSTALL.resolve("node_modules").resolve(".spoor-lock-sha256");
  private static final long NPM_CI_TIMEOUT_MINUTES = 8;

  private static Path installed;

  private NodePeers() {}

  /** The directory holding the peer scripts and their node_modules, installing them if needed. */
  static synchronized Path directory() {
    if (installed == null) {
      installed = install();
    }
    return installed;
  }

  /** Starts {@code script} (a file of {@code src/test/node}) with {@code node}. */
  static NodeProcess start(String script, String... arguments) {
    Path directory = directory();
    List<String> command = new ArrayList<>();
    command.add(executable("node"));
    command.add(script);
    command.addAll(List.of(arguments));
    return NodeProcess.start(directory, command);
  }

  private static Path install() {
    String node = executable("node");
    String version = run(List.of(node, "--version"), Paths.get("."), 1).trim();
    if (!version.matches("v(2[0-9]|[3-9][0-9])\\..*")) {
      throw new AssertionError("the Node interop tests need node 20 or newer; found " + version);
    }
    try {
      Files.createDirectories(INSTALL);
      Files.deleteIfExists(INSTALL.resolve("interop-table.md")); // this run's tables only
      try (Stream<Path> files = Files.list(SOURCES)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(file)) {
            Files.copy(file, INSTALL.resolve(file.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      String lockHash = sha256(Files.readAllBytes(INSTALL.resolve("package-lock.json")));
      if (!Files.exists(STAMP) || !lockHash.equals(Files.readString(STAMP).trim())) {
        run(List.of(executable("npm"), "ci", "--no-audit", "--no-fund", "--prefer-offline"),
            INSTALL, NPM_CI_TIMEOUT_MINUTES * 60);
        Files.writeString(STAMP, lockHash);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare " + INSTALL.toAbsolutePath(), e);
    }
    return INSTALL.toAbsolutePath();
  }

  /** The program's absolute path on the PATH; fails the test, naming it, when it is missing. */
  static String executable(String name) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String directory : path.split(java.io.File.pathSeparator)) {
        Path candidate = Paths.get(directory, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    throw new AssertionError("'" + name + "' is not on the PATH (" + path + "): the Node interop "
        + "tests need Node.js 20+ and npm installed (e.g. apt-get install nodejs npm); they fail "
        + "rather than skip without them");
  }

  private static String run(List<String> command, Path directory, long timeoutSeconds) {
    try {
      Path log = Files.createTempFile("node-interop", ".log");
      try {
        Process process = new ProcessBuilder(command).directory(directory.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s:\n"
              + Files.readString(log));
        }
        String text = Files.readString(log);
        if (process.exitValue() != 0) {
          throw new AssertionError(command + " in " + directory.toAbsolutePath()
              + " failed with " + process.exitValue() + ":\n" + text);
        }
        return text;
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
