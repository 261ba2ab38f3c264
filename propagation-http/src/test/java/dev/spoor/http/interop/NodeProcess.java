package dev.spoor.http.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Node peer running as its own process: its standard output read line by line on a daemon
 * thread, its standard error kept for failure messages. Closing it closes its standard input,
 * which every peer script takes as the signal to exit; one that does not is destroyed.
 */
final class NodeProcess implements AutoCloseable {
  private static final long LINE_TIMEOUT_SECONDS = 20;

  private final Process process;
  private final List<String> command;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuffer errors = new StringBuffer();
  private final OutputStream input;

  private NodeProcess(Process process, List<String> command) {
    this.process = process;
    this.command = command;
    this.input = process.getOutputStream();
    drain(process.getInputStream(), true);
    drain(process.getErrorStream(), false);
  }

  static NodeProcess start(Path directory, List<String> command) {
    try {
      return new NodeProcess(new ProcessBuilder(command).directory(directory.toFile()).start(),
          command);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
  }

  private void drain(InputStream stream, boolean output) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (output) {
            lines.add(line);
          } else {
            errors.append(line).append('\n');
          }
        }
      } catch (IOException closed) {
        // the process ended
      }
    }, "node-" + (output ? "stdout" : "stderr"));
    thread.setDaemon(true);
    thread.start();
  }

  /** The next line the process wrote, waiting up to 20 s; fails with its stderr otherwise. */
  String nextLine() {
    try {
      String line = lines.poll(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError(command + " wrote no line within " + LINE_TIMEOUT_SECONDS
            + " s (alive: " + process.isAlive() + "); its stderr:\n" + errors);
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + command, e);
    }
  }

  /** A line already written, or null at once when there is none. */
  String pollLine() {
    return lines.poll();
  }

  /** Writes {@code line} and a newline to the process's standard input. */
  void send(String line) {
    try {
      input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      input.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(command + " stopped reading; its stderr:\n" + errors, e);
    }
  }

  String errors() {
    return errors.toString();
  }

  @Override
  public void close() {
    try {
      input.close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
