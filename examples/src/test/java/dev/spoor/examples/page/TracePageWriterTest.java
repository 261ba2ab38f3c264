package dev.spoor.examples.page;

import static dev.spoor.examples.testing.JaegerDatagrams.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.agent.ReceivedSpan;
import dev.spoor.examples.logging.LogLine;
import dev.spoor.examples.testing.JaegerJsonShape;
import io.jaegertracing.thriftjava.Process;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracePageWriterTest {
  private static final long T0 = 1_796_000_000_000_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"),
      ZoneOffset.UTC);

  @TempDir
  Path dir;

  private static RecordedTrace trace(long id, String... logMessages) {
    AssembledTrace trace = new AssembledTrace(0L, id,
        List.of(new ReceivedSpan(span(id, 1, 0, "GET /checkout", T0 + id, 1_000),
            new Process("gateway"))));
    List<LogLine> lines = Stream.of(logMessages).map(message -> new LogLine(T0 + id, "INFO",
        "gateway", trace.traceIdHex(), "0000000000000001", "msg=\"" + message + "\"")).toList();
    return new RecordedTrace(trace, lines);
  }

  private List<String> jsonFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("json"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesThePageAndOneQueryApiFilePerTraceWithNoTemporaryFileLeft() throws Exception {
    TracePageWriter writer = new TracePageWriter(dir.resolve("page/traces.html"),
        dir.resolve("json"), 10, "Demo", CLOCK);
    writer.add(trace(1, "first"));
    writer.add(trace(2));

    writer.write();

    assertEquals(List.of("0000000000000001.json", "0000000000000002.json"), jsonFiles());
    JaegerJsonShape.assertQueryResponse(
        Files.readString(writer.jsonFileOf("0000000000000001")), true);
    String page = Files.readString(writer.htmlFile(), StandardCharsets.UTF_8);
    assertTrue(page.contains("<title>Demo · traces</title>"), page);
    assertTrue(page.contains("\"generatedAt\":" + CLOCK.millis()), page);
    assertTrue(page.contains("\"jsonHref\":\"../json\""), page);
    assertTrue(page.contains("msg=\\\"first\\\""), page);
    try (Stream<Path> files = Files.list(dir.resolve("page"))) {
      assertEquals(List.of("traces.html"), files.map(f -> f.getFileName().toString()).toList());
    }
  }

  @Test
  void keepsTheMostRecentTracesAndDeletesTheFilesOfThoseItDropped() throws Exception {
    TracePageWriter writer = new TracePageWriter(dir.resolve("traces.html"), dir.resolve("json"),
        2, "Demo", CLOCK);
    Files.createDirectories(dir.resolve("json"));
    Files.writeString(dir.resolve("json/not-mine.json"), "{}");
    writer.add(trace(1));
    writer.add(trace(2));
    writer.write();
    writer.add(trace(3));
    // A later snapshot of a kept trace replaces it and makes it the most recent.
    writer.add(trace(2, "late line"));
    writer.write();

    assertEquals(2, writer.size());
    assertEquals(List.of("0000000000000002.json", "0000000000000003.json", "not-mine.json"),
        jsonFiles());
    String page = Files.readString(writer.htmlFile(), StandardCharsets.UTF_8);
    assertFalse(page.contains("\"traceID\":\"0000000000000001\""), page);
    assertTrue(page.contains("late line"), page);
    assertEquals("json", writer.jsonHref());
  }

  @Test
  void checksItsArguments() {
    assertThrows(IllegalArgumentException.class,
        () -> new TracePageWriter(dir.resolve("a.html"), dir, 0, "t"));
    assertThrows(NullPointerException.class, () -> new TracePageWriter(null, dir, 1, "t"));
    assertThrows(NullPointerException.class,
        () -> new TracePageWriter(dir.resolve("a.html"), dir, 1, "t").add(null));
    assertEquals(".", new TracePageWriter(dir.resolve("a.html"), dir, 1, "t").jsonHref());
    assertEquals("my%20json",
        new TracePageWriter(dir.resolve("a.html"), dir.resolve("my json"), 1, "t").jsonHref());
  }
}
