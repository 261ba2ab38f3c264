package dev.spoor.examples.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorTracer;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.scope.MdcScopeManager;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Logs through SLF4J with the shipped logback.xml and reads the lines back from its buffer. */
class LogfmtLoggingTest {
  /** The regular expression of the Loki derived field in examples/grafana. */
  private static final Pattern LOKI_DERIVED_FIELD = Pattern.compile("traceID=(\\w+)");
  private static final Pattern LINE = Pattern.compile(
      "ts=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z level=INFO service=cart-manager"
          + " traceID=00000000000000000000000000c0ffee spanID=00000000000000ab"
          + " logger=LogfmtLoggingTest msg=\"reserved 3 items\"");

  private final Logger logger = LoggerFactory.getLogger(LogfmtLoggingTest.class);

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  @Test
  void writesServiceTraceIdAndSpanIdFromTheMdcInLogfmt() {
    MDC.put("service", "cart-manager");
    MDC.put("traceID", "00000000000000000000000000c0ffee");
    MDC.put("spanID", "00000000000000ab");
    logger.info("reserved {} items", 3);

    List<String> lines =
        TraceLogBuffer.installed().linesOf("00000000000000000000000000c0ffee");

    assertEquals(1, lines.size(), lines::toString);
    assertTrue(LINE.matcher(lines.get(0)).matches(), lines.get(0));
  }

  @Test
  void keepsEachLinesLevelServiceSpanAndTimeForATraceView() {
    MDC.put("service", "payment");
    MDC.put("traceID", "0000000000000000000000000000beef");
    MDC.put("spanID", "00000000000000cd");
    long before = System.currentTimeMillis() * 1000L;
    logger.warn("card declined");
    long after = (System.currentTimeMillis() + 1) * 1000L;

    List<LogLine> entries =
        TraceLogBuffer.installed().entriesOf("0000000000000000000000000000beef");

    assertEquals(1, entries.size(), entries::toString);
    LogLine entry = entries.get(0);
    assertEquals("WARN", entry.level());
    assertEquals("payment", entry.service());
    assertEquals("00000000000000cd", entry.spanId());
    assertEquals("0000000000000000000000000000beef", entry.traceId());
    assertTrue(entry.epochMicros() >= before && entry.epochMicros() < after, entry::toString);
    assertEquals(TraceLogBuffer.installed().linesOf("0000000000000000000000000000beef"),
        List.of(entry.text()));
    assertTrue(entry.text().startsWith("ts=" + java.time.Instant.ofEpochMilli(
        entry.epochMicros() / 1000L) + " level=WARN service=payment "), entry.text());
  }

  @Test
  void carriesTheIdsOfTheSpanActivatedByASpoorTracerSoLokiCanLinkThem() {
    InMemoryReporter reporter = new InMemoryReporter();
    try (SpoorTracer tracer = SpoorTracer.builder("shop-gateway").reporter(reporter)
        .scopeManager(new MdcScopeManager(
            LogfmtLayout.TRACE_ID_KEY, LogfmtLayout.SPAN_ID_KEY, "sampled"))
        .build()) {
      Span span = tracer.buildSpan("GET /checkout").start();
      try (Scope scope = tracer.activateSpan(span)) {
        logger.info("checkout started");
      } finally {
        span.finish();
      }
      String traceId = span.context().toTraceId();

      List<String> lines = TraceLogBuffer.installed().linesOf(traceId);

      assertEquals(1, lines.size(), lines::toString);
      Matcher loki = LOKI_DERIVED_FIELD.matcher(lines.get(0));
      assertTrue(loki.find(), lines.get(0));
      assertEquals(traceId, loki.group(1));
      assertTrue(lines.get(0).contains(" spanID=" + span.context().toSpanId() + " "),
          lines.get(0));
    }
  }

  @Test
  void leavesTheIdsOutOfLinesWrittenOutsideASpan() {
    logger.info("no span here: marker-7f3a");

    String line = lineContaining("marker-7f3a");

    assertFalse(line.contains("traceID="), line);
    assertFalse(line.contains("spanID="), line);
    assertFalse(line.contains("service="), line);
  }

  @Test
  void escapesQuotesAndLineBreaksSoAMessageStaysOnOneLine() {
    logger.info("marker-91b2 said \"hi\"\nthen C:\\left");

    String line = lineContaining("marker-91b2");

    assertTrue(line.endsWith("msg=\"marker-91b2 said \\\"hi\\\"\\nthen C:\\\\left\""), line);
  }

  @Test
  void quotesMdcValuesThatHoldSpaces() {
    MDC.put("service", "two words");
    logger.info("marker-c3d4");

    assertTrue(lineContaining("marker-c3d4").contains(" service=\"two words\" "));
  }

  @Test
  void appendsTheExceptionAsAnErrorField() {
    logger.warn("marker-5e6f", new IllegalStateException("stock is negative"));

    assertTrue(lineContaining("marker-5e6f")
        .endsWith(" error=\"java.lang.IllegalStateException: stock is negative\""));
  }

  @Test
  void namesTheServiceOfThreadsMadeByItsThreadFactory() throws Exception {
    ExecutorService executor =
        Executors.newSingleThreadExecutor(new ServiceThreadFactory("inventory"));
    try {
      executor.submit(() -> logger.info("marker-0a1b")).get(10, TimeUnit.SECONDS);
    } finally {
      executor.shutdown();
      assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }

    assertTrue(lineContaining("marker-0a1b").contains(" service=inventory "));
  }

  @Test
  void writesTheSameLinesToALogFileForPromtail(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("logs/shop-demo.log");
    LogFile.attach(file);
    try {
      MDC.put("traceID", "00000000000000000000000000beef01");
      logger.info("marker-2c3d");
    } finally {
      LogFile.detach();
    }
    logger.info("marker-after-detach");

    List<String> written = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(1, written.size(), written::toString);
    assertEquals(lineContaining("marker-2c3d"), written.get(0));
  }

  private static String lineContaining(String marker) {
    List<String> found = TraceLogBuffer.installed().lines().stream()
        .filter(line -> line.contains(marker)).toList();
    assertEquals(1, found.size(), found::toString);
    return found.get(0);
  }
}
