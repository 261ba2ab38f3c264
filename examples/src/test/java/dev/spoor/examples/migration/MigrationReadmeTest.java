package dev.spoor.examples.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's migration diff is the real one: applied to the "before" service it gives the
 * "after" service, line for line. When either file changes, regenerate the README's block with
 * {@code diff -u --label before/OrderService.java --label after/OrderService.java
 * before/OrderService.java after/OrderService.java} in {@code examples/src/main/java/dev/spoor/
 * examples/migration}.
 */
class MigrationReadmeTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/spoor/examples/migration");

  private static List<String> lines(Path path) throws Exception {
    return List.of(Files.readString(path, StandardCharsets.UTF_8).split("\n", -1));
  }

  /** Applies a unified diff's hunks in order, each where its old lines match, to {@code source}. */
  private static List<String> apply(List<String> diff, List<String> source) {
    List<String> result = new ArrayList<>();
    int cursor = 0;
    int i = 0;
    while (i < diff.size() && !diff.get(i).startsWith("@@")) {
      i++; // the --- and +++ lines
    }
    while (i < diff.size()) {
      List<String> oldLines = new ArrayList<>();
      List<String> newLines = new ArrayList<>();
      for (i++; i < diff.size() && !diff.get(i).startsWith("@@"); i++) {
        String line = diff.get(i);
        String text = line.isEmpty() ? "" : line.substring(1);
        char kind = line.isEmpty() ? ' ' : line.charAt(0);
        if (kind != '+') {
          oldLines.add(text);
        }
        if (kind != '-') {
          newLines.add(text);
        }
      }
      int at = indexOf(source, oldLines, cursor);
      assertTrue(at >= 0, "a hunk does not match the before file: " + oldLines);
      result.addAll(source.subList(cursor, at));
      result.addAll(newLines);
      cursor = at + oldLines.size();
    }
    result.addAll(source.subList(cursor, source.size()));
    return result;
  }

  private static int indexOf(List<String> source, List<String> part, int from) {
    for (int at = from; at + part.size() <= source.size(); at++) {
      if (source.subList(at, at + part.size()).equals(part)) {
        return at;
      }
    }
    return -1;
  }

  @Test
  void theReadmesDiffTurnsTheBeforeServiceIntoTheAfterService() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("```diff\n(--- before/OrderService\\.java\n.*?)```",
        Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "README.md has no diff of before/OrderService.java");
    List<String> diff = new ArrayList<>(List.of(block.group(1).split("\n")));

    List<String> after = apply(diff, lines(SOURCES.resolve("before/OrderService.java")));

    assertEquals(lines(SOURCES.resolve("after/OrderService.java")), after);
  }
}
