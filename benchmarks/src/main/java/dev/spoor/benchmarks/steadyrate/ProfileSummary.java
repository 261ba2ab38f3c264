package dev.spoor.benchmarks.steadyrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an async-profiler collapsed-stacks file (one line per stack: the thread as first frame,
 * frames separated by {@code ;}, then the sample count) and prints, for the threads whose name
 * starts with a prefix, the frames with the most samples of their own (self) and in total
 * (inclusive), each as a share of those threads' samples. What NOTES.md quotes comes from here.
 *
 * <p>Usage: {@code ProfileSummary <file.collapsed> <thread-name-prefix> [<rows>]}.
 */
public final class ProfileSummary {
  private final Map<String, Long> self = new HashMap<>();
  private final Map<String, Long> inclusive = new HashMap<>();
  private long samples;

  private ProfileSummary() {}

  /** Prints the summary; exits with status 2 on wrong arguments. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: ProfileSummary <file.collapsed> <thread-name-prefix> [<rows>]");
      System.exit(2);
    }
    int rows = args.length == 3 ? Integer.parseInt(args[2]) : 25;
    ProfileSummary summary =
        of(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8), args[1]);
    System.out.print(summary.render(rows));
  }

  /** Sums the stacks of the threads whose names start with {@code threadPrefix}. */
  static ProfileSummary of(List<String> lines, String threadPrefix) {
    ProfileSummary summary = new ProfileSummary();
    for (String line : lines) {
      int space = line.lastIndexOf(' ');
      if (space < 0 || !line.startsWith("[" + threadPrefix)) {
        continue;
      }
      long count = Long.parseLong(line.substring(space + 1).trim());
      String[] frames = line.substring(0, space).split(";");
      summary.samples += count;
      summary.self.merge(frames[frames.length - 1], count, Long::sum);
      Set<String> seen = new HashSet<>(); // recursion must not count a frame twice
      for (int i = 1; i < frames.length; i++) {
        if (seen.add(frames[i])) {
          summary.inclusive.merge(frames[i], count, Long::sum);
        }
      }
    }
    return summary;
  }

  long samples() {
    return samples;
  }

  /** The share of samples with {@code frame} on the stack, 0 to 1. */
  double inclusiveShare(String frame) {
    return samples == 0 ? 0 : inclusive.getOrDefault(frame, 0L) / (double) samples;
  }

  String render(int rows) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%,d samples%n%nSelf:%n", samples));
    appendTop(out, self, rows);
    out.append(String.format(Locale.ROOT, "%nInclusive:%n"));
    appendTop(out, inclusive, rows);
    return out.toString();
  }

  private void appendTop(StringBuilder out, Map<String, Long> frames, int rows) {
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(frames.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    for (Map.Entry<String, Long> entry : sorted.subList(0, Math.min(rows, sorted.size()))) {
      out.append(String.format(Locale.ROOT, "%6.2f%%  %,8d  %s%n",
          100.0 * entry.getValue() / samples, entry.getValue(), entry.getKey()));
    }
  }
}
