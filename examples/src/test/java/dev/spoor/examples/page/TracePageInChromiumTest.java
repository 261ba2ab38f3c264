package dev.spoor.examples.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.agent.ReceivedSpan;
import dev.spoor.examples.agent.TraceIds;
import dev.spoor.examples.shop.RecordedDemoRun;
import dev.spoor.examples.testing.HeadlessChromium;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the trace page of a recorded run of the real demo in headless Chromium and checks what
 * it draws against the spans the in-process agent decoded: one result per trace, each trace's
 * header figures, bars to scale on the time axis, collapsible rows, a span's tags, process tags,
 * logs and references after a click, the log line to span link on hover, and the RED table with
 * its exemplar links. Screenshots of the three views are kept under {@code target/}.
 */
class TracePageInChromiumTest {
  private static final int REQUESTS = 6;
  private static final int WIDTH = 1400;
  private static final int HEIGHT = 900;
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Kept under the module's build directory so a developer can open them after the build. */
  private static final Path OUTPUT = Path.of("target", "trace-page");
  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static List<RecordedTrace> recorded;
  private static String pageUrl;

  @BeforeAll
  static void recordTheDemoAndWriteItsPage() throws Exception {
    // Fail (not skip) at once, with the reason, when the browser is not installed.
    HeadlessChromium.executable();
    recorded = RecordedDemoRun.record(REQUESTS);
    TracePageWriter writer = new TracePageWriter(OUTPUT.resolve("traces.html"),
        OUTPUT.resolve("jaeger-json"), TracePageWriter.DEFAULT_KEEP, "Spoor ice-cream shop");
    for (RecordedTrace trace : recorded) {
      writer.add(trace);
    }
    writer.write();
    pageUrl = writer.htmlFile().toUri().toString();
  }

  private static HeadlessChromium open(String fragment) throws Exception {
    HeadlessChromium browser = HeadlessChromium.start(WIDTH, HEIGHT);
    try {
      browser.navigate(pageUrl + fragment);
      browser.awaitTrue("document.body.dataset.ready === 'true'", WAIT);
      return browser;
    } catch (RuntimeException e) {
      browser.close();
      throw e;
    }
  }

  @Test
  void listsOneResultPerTraceWithItsFiguresAndSortsThemByDuration() throws Exception {
    try (HeadlessChromium browser = open("#/search")) {
      JsonArray items = browser.evaluate("[...document.querySelectorAll('.result-item')]"
          + ".map(e => ({"
          + "id: e.dataset.traceId, title: e.querySelector('.result-name').textContent,"
          + "us: +e.querySelector('.result-duration').dataset.us,"
          + "text: e.querySelector('.result-duration').textContent,"
          + "spans: +e.querySelector('.result-spans').dataset.count,"
          + "errors: +(e.querySelector('.result-errors') || {dataset: {count: 0}}).dataset.count,"
          + "services: [...e.querySelectorAll('.service-tag')].map(t => t.dataset.service)}))")
          .getAsJsonArray();

      assertEquals(REQUESTS, items.size(), items::toString);
      Map<String, JsonObject> byId = new HashMap<>();
      for (JsonElement item : items) {
        byId.put(item.getAsJsonObject().get("id").getAsString(), item.getAsJsonObject());
      }
      for (RecordedTrace each : recorded) {
        Expected expected = new Expected(each.trace());
        JsonObject item = byId.get(each.trace().traceIdHex());
        assertNotNull(item, "no result for " + each.trace());
        assertEquals("shop-gateway: GET /checkout" + each.trace().traceIdHex().substring(0, 7),
            item.get("title").getAsString());
        assertEquals(expected.durationMicros, item.get("us").getAsLong());
        assertEquals(millis(expected.durationMicros), item.get("text").getAsString());
        assertEquals(each.trace().spans().size(), item.get("spans").getAsInt());
        assertEquals(expected.errors, item.get("errors").getAsInt(), each.trace().toString());
        assertEquals(new HashSet<>(each.trace().serviceNames()),
            new HashSet<>(strings(item.getAsJsonArray("services"))));
      }
      // Most recent first by default: the last request leads.
      assertEquals(recorded.get(REQUESTS - 1).trace().traceIdHex(),
          items.get(0).getAsJsonObject().get("id").getAsString());

      browser.evaluate("(() => { const s = document.getElementById('sort'); s.value = 'longest';"
          + " s.dispatchEvent(new Event('change')); })()");
      List<Long> sorted = longs(browser.evaluate("[...document.querySelectorAll('.result-item"
          + " .result-duration')].map(e => +e.dataset.us)").getAsJsonArray());
      List<Long> expectedOrder = new ArrayList<>();
      for (RecordedTrace each : recorded) {
        expectedOrder.add(new Expected(each.trace()).durationMicros);
      }
      expectedOrder.sort(Comparator.reverseOrder());
      assertEquals(expectedOrder, sorted);

      Files.write(OUTPUT.resolve("search.png"), browser.screenshot());
    }
  }

  @Test
  void drawsTheTraceViewToScaleAndOpensASpansDetailOnClick() throws Exception {
    RecordedTrace failed = recorded.get(4);
    AssembledTrace trace = failed.trace();
    Expected expected = new Expected(trace);
    try (HeadlessChromium browser = open("#/search")) {
      browser.click(".result-item[data-trace-id='" + trace.traceIdHex() + "'] .result-title");
      browser.awaitTrue("document.body.dataset.view === 'trace' && document.querySelector("
          + "'.trace-page').dataset.traceId === '" + trace.traceIdHex() + "'", WAIT);

      // The header line: trace start, duration, services, depth, total spans (and errors).
      JsonObject header = browser.evaluate("Object.fromEntries([...document.querySelectorAll("
          + "'#trace-overview [data-field]')].map(e => [e.dataset.field, {value: e.dataset.value,"
          + " text: e.querySelector('.value').textContent}]))").getAsJsonObject();
      assertField(header, "start", expected.startMicros,
          UTC_MILLIS.format(Instant.ofEpochMilli(Math.floorDiv(expected.startMicros, 1000L))));
      assertField(header, "duration", expected.durationMicros, millis(expected.durationMicros));
      assertField(header, "services", 4, "4");
      assertField(header, "depth", expected.depth, Integer.toString(expected.depth));
      assertField(header, "spans", 7, "7");
      assertField(header, "errors", expected.errors, Integer.toString(expected.errors));
      assertEquals(5, expected.depth);

      // One row per span in tree order; bars placed and sized to scale on the shared axis.
      JsonArray rows = browser.evaluate("[...document.querySelectorAll('.span-row')].map(r => {"
          + " const bar = r.querySelector('.span-bar').getBoundingClientRect();"
          + " const area = r.querySelector('.span-bar-area').getBoundingClientRect();"
          + " return {id: r.dataset.spanId, depth: +r.dataset.depth, service: r.dataset.service,"
          + " client: r.querySelector('.span-bar').classList.contains('client'),"
          + " error: !!r.querySelector('.error-icon'),"
          + " color: getComputedStyle(r.querySelector('.span-label')).borderLeftColor,"
          + " barColor: getComputedStyle(r.querySelector('.span-bar')).backgroundColor,"
          + " x: bar.left - area.left, w: bar.width, area: area.width}; })").getAsJsonArray();
      assertEquals(7, rows.size(), rows::toString);
      Map<String, String> colorOfService = new HashMap<>();
      Set<String> seenIds = new HashSet<>();
      for (JsonElement element : rows) {
        JsonObject row = element.getAsJsonObject();
        ReceivedSpan span = expected.span(row.get("id").getAsString());
        assertEquals(expected.depthOf(span), row.get("depth").getAsInt(), span.toString());
        long parent = span.parentSpanId();
        assertTrue(parent == 0L || seenIds.contains(TraceIds.spanIdHex(parent)),
            "parent drawn before " + span);
        seenIds.add(row.get("id").getAsString());
        assertEquals(span.serviceName(), row.get("service").getAsString());
        String kind = span.tag("span.kind");
        assertEquals("client".equals(kind), row.get("client").getAsBoolean(), span.toString());
        assertEquals(span.isError(), row.get("error").getAsBoolean(), span.toString());
        String color = colorOfService.computeIfAbsent(span.serviceName(),
            s -> row.get("color").getAsString());
        assertEquals(color, row.get("color").getAsString(), "one colour per service");
        assertEquals(color, row.get("barColor").getAsString(), "bar in its service's colour");

        double area = row.get("area").getAsDouble();
        double width = area * span.durationMicros() / expected.durationMicros;
        double x = area * (span.startMicros() - expected.startMicros) / expected.durationMicros;
        assertEquals(Math.max(2.0, width), row.get("w").getAsDouble(), 1.5,
            "bar width of " + span + " on an axis of " + area + " px");
        assertEquals(x, row.get("x").getAsDouble(), 1.5, "bar start of " + span);
      }
      assertEquals(4, new HashSet<>(colorOfService.values()).size(), colorOfService::toString);
      // The axis: five ticks from 0 to the trace's duration.
      assertEquals(List.of(millis(0), millis(expected.durationMicros)), strings(browser.evaluate(
          "[...document.querySelectorAll('.tick-label')].filter((e, i, all) => i === 0"
              + " || i === all.length - 1).map(e => e.textContent)").getAsJsonArray()));

      // Rows collapse under their parent and come back.
      ReceivedSpan cartServer = server(trace, "cart-manager", "POST /cart");
      browser.click(".span-row[data-span-id='" + spanId(cartServer) + "'] .toggle");
      browser.awaitTrue("document.querySelectorAll('.span-row').length === 3", WAIT);
      browser.click(".span-row[data-span-id='" + spanId(cartServer) + "'] .toggle");
      browser.awaitTrue("document.querySelectorAll('.span-row').length === 7", WAIT);

      // A click on the failing payment span opens its tags, process, logs and references.
      ReceivedSpan payment = server(trace, "payment", "POST /charge");
      browser.click(".span-row[data-span-id='" + spanId(payment) + "'] .span-name");
      browser.awaitTrue("!!document.querySelector(\".span-detail[data-span-id='" + spanId(payment)
          + "']\")", WAIT);
      Map<String, String> tags = table(browser, ".span-detail .tags tr");
      Map<String, String> expectedTags = new HashMap<>();
      for (Tag tag : payment.tags()) {
        expectedTags.put(tag.getKey(), payment.tag(tag.getKey()));
      }
      assertEquals(expectedTags, tags);
      assertEquals("Alan", tags.get("payment.customer"));
      assertEquals("503", tags.get("http.status_code"));
      assertEquals("true", tags.get("error"));
      Map<String, String> process = table(browser, ".span-detail .process tr");
      assertEquals("payment", process.get("service.name"));
      assertEquals("eu-west-1b", process.get("datacenter"));
      assertEquals("demo", process.get("env"));
      assertEquals(payment.process().getTags().size() + 1, process.size(), process::toString);
      List<String> logTimes = strings(browser.evaluate("[...document.querySelectorAll("
          + "'.span-detail .logs .log-time')].map(e => e.textContent)").getAsJsonArray());
      List<String> expectedLogTimes = new ArrayList<>();
      for (Log log : payment.logs()) {
        expectedLogTimes.add(millis(log.getTimestamp() - expected.startMicros));
      }
      assertEquals(expectedLogTimes, logTimes);
      Map<String, String> logFields = table(browser, ".span-detail .logs tr");
      assertEquals("CardDeclined", logFields.get("error.kind"));
      assertEquals(List.of(TraceIds.spanIdHex(payment.parentSpanId())), strings(browser.evaluate(
          "[...document.querySelectorAll('.span-detail .references li')]"
              + ".map(e => e.dataset.spanId)")
          .getAsJsonArray()));

      // The trace's log lines beside it; hovering one highlights the span that wrote it.
      List<String> lines = strings(browser.evaluate("[...document.querySelectorAll('.log-line"
          + " .line-text')].map(e => e.textContent)").getAsJsonArray());
      List<String> expectedLines = new ArrayList<>();
      failed.logLines().forEach(line -> expectedLines.add(line.text()));
      assertEquals(expectedLines, lines);
      assertTrue(lines.stream().anyMatch(l -> l.contains("msg=\"card of Alan declined\"")),
          lines::toString);
      browser.hover(".log-line[data-span-id='" + spanId(payment) + "']");
      browser.awaitTrue("document.querySelector(\".span-row[data-span-id='" + spanId(payment)
          + "']\").classList.contains('linked')", WAIT);
      assertEquals(1, browser.evaluate("document.querySelectorAll('.span-row.linked').length")
          .getAsInt());

      Files.write(OUTPUT.resolve("trace.png"), browser.screenshot());
      // Self-contained: the page itself is the only thing the browser loaded.
      assertEquals(List.of(pageUrl), browser.requestedUrls());
    }
  }

  @Test
  void showsRedPerOperationWithTheSlowestTraceAsExemplar() throws Exception {
    List<AssembledTrace> traces = new ArrayList<>();
    recorded.forEach(each -> traces.add(each.trace()));
    List<OperationStats> stats = OperationStats.of(traces);
    try (HeadlessChromium browser = open("#/search")) {
      browser.click("#nav-monitor");
      browser.awaitTrue("document.body.dataset.view === 'monitor'", WAIT);
      JsonArray rows = browser.evaluate("[...document.querySelectorAll('.red-row')].map(r => ({"
          + "service: r.dataset.service, operation: r.dataset.operation, kind: r.dataset.kind,"
          + "cells: [...r.cells].map(c => c.textContent),"
          + "exemplar: r.querySelector('.exemplar').dataset.traceId})) ").getAsJsonArray();
      assertEquals(7, stats.size(), stats::toString);
      assertEquals(stats.size(), rows.size(), rows::toString);
      for (int i = 0; i < stats.size(); i++) {
        OperationStats expected = stats.get(i);
        JsonObject row = rows.get(i).getAsJsonObject();
        List<String> cells = strings(row.getAsJsonArray("cells"));
        assertEquals(expected.service(), row.get("service").getAsString());
        assertEquals(expected.operation(), row.get("operation").getAsString());
        assertEquals(Integer.toString(REQUESTS), cells.get(3), cells::toString);
        assertEquals(Integer.toString(expected.errors()), cells.get(4), cells::toString);
        assertEquals(millis(expected.p50Micros()), cells.get(6));
        assertEquals(millis(expected.p95Micros()), cells.get(7));
        assertEquals(millis(expected.p99Micros()), cells.get(8));
        assertEquals(expected.slowestTraceId(), row.get("exemplar").getAsString());
      }

      // The exemplar of the gateway's endpoint is the trace whose root span took longest.
      AssembledTrace slowest = traces.stream().max(Comparator.comparingLong(
          t -> server(t, "shop-gateway", "GET /checkout").durationMicros())).orElseThrow();
      ReceivedSpan root = server(slowest, "shop-gateway", "GET /checkout");
      Files.write(OUTPUT.resolve("monitor.png"), browser.screenshot());
      browser.click(".red-row[data-service='shop-gateway'][data-kind='server'] .exemplar");
      browser.awaitTrue("document.body.dataset.view === 'trace' && document.querySelector("
          + "'.trace-page').dataset.traceId === '" + slowest.traceIdHex() + "'", WAIT);
      assertEquals(spanId(root), browser.evaluate(
          "document.querySelector('.span-row.selected').dataset.spanId").getAsString());
    }
  }

  private static void assertField(JsonObject header, String field, long value, String text) {
    JsonObject shown = header.getAsJsonObject(field);
    assertNotNull(shown, "no " + field + " in " + header);
    assertEquals(Long.toString(value), shown.get("value").getAsString(), field);
    assertEquals(text, shown.get("text").getAsString(), field);
  }

  private static Map<String, String> table(HeadlessChromium browser, String rowSelector) {
    JsonArray pairs = browser.evaluate("[...document.querySelectorAll(" + HeadlessChromium.jsString(
        rowSelector) + ")].map(tr => [tr.querySelector('.key').textContent,"
        + " tr.querySelector('.value').textContent])").getAsJsonArray();
    Map<String, String> table = new HashMap<>();
    for (JsonElement pair : pairs) {
      table.put(pair.getAsJsonArray().get(0).getAsString(),
          pair.getAsJsonArray().get(1).getAsString());
    }
    return table;
  }

  /** How the page and the terminal print a duration: milliseconds, two decimals, half up. */
  static String millis(long micros) {
    long hundredths = Math.round(micros / 10.0);
    return (hundredths < 0 ? "-" : "") + Math.abs(hundredths) / 100 + "."
        + String.format(Locale.ROOT, "%02d", Math.abs(hundredths) % 100) + " ms";
  }

  private static String spanId(ReceivedSpan span) {
    return TraceIds.spanIdHex(span.spanId());
  }

  private static ReceivedSpan server(AssembledTrace trace, String service, String operation) {
    for (ReceivedSpan span : trace.spansOf(service)) {
      if (span.operationName().equals(operation) && "server".equals(span.tag("span.kind"))) {
        return span;
      }
    }
    throw new AssertionError("no " + service + " " + operation + " server span in " + trace);
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    array.forEach(e -> out.add(e.getAsString()));
    return out;
  }

  private static List<Long> longs(JsonArray array) {
    List<Long> out = new ArrayList<>();
    array.forEach(e -> out.add(e.getAsLong()));
    return out;
  }

  /** The figures of the Jaeger UI's trace header, computed here from the decoded spans. */
  private static final class Expected {
    final long startMicros;
    final long durationMicros;
    final int depth;
    final int errors;
    private final Map<String, ReceivedSpan> byId = new HashMap<>();

    Expected(AssembledTrace trace) {
      long start = Long.MAX_VALUE;
      long end = Long.MIN_VALUE;
      int errorCount = 0;
      for (ReceivedSpan span : trace.spans()) {
        byId.put(spanId(span), span);
        start = Math.min(start, span.startMicros());
        end = Math.max(end, span.startMicros() + span.durationMicros());
        if (span.isError()) {
          errorCount++;
        }
      }
      startMicros = start;
      durationMicros = end - start;
      errors = errorCount;
      int deepest = 0;
      for (ReceivedSpan span : trace.spans()) {
        deepest = Math.max(deepest, depthOf(span) + 1);
      }
      depth = deepest;
    }

    ReceivedSpan span(String id) {
      ReceivedSpan span = byId.get(id);
      assertNotEquals(null, span, "a row for a span not in the trace: " + id);
      return span;
    }

    /** Levels above the span: 0 for a root or a span whose parent is not in the trace. */
    int depthOf(ReceivedSpan span) {
      int levels = 0;
      Set<ReceivedSpan> path = new LinkedHashSet<>();
      for (ReceivedSpan at = span; at.parentSpanId() != 0L && path.add(at); levels++) {
        at = byId.get(TraceIds.spanIdHex(at.parentSpanId()));
        if (at == null) {
          return levels;
        }
      }
      return levels;
    }
  }
}
