package dev.spoor.examples.page;

import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.jaegerjson.JaegerJson;
import dev.spoor.examples.jaegerjson.JsonWriter;
import dev.spoor.examples.logging.LogLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the trace page: one HTML document that holds its own style, script and data, so it opens
 * from disk in any browser with no network, no server and no library fetched.
 *
 * <p>The data is embedded as JSON in a {@code <script type="application/json">} element: the
 * traces exactly as {@link JaegerJson} writes them for the Jaeger UI, each trace's log lines, and
 * the {@link OperationStats} of all traces. The page's scripts ({@code trace-page-*.js}, next to
 * this class) draw the trace list, the trace views and the RED table from it.
 */
public final class TracePage {
  private static final String TEMPLATE = "trace-page.html";
  private static final String STYLE = "trace-page.css";
  /**
   * The page's scripts, in order; they run in one function scope (in strict mode), so each sees
   * the others' functions and nothing leaks into the window.
   */
  private static final List<String> SCRIPTS = List.of("trace-page-model.js",
      "trace-page-search.js", "trace-page-trace.js", "trace-page-monitor.js",
      "trace-page-main.js");
  private static final String STYLE_SLOT = "/*@STYLE@*/";
  private static final String SCRIPT_SLOT = "/*@SCRIPT@*/";
  private static final String DATA_SLOT = "@DATA@";
  private static final String TITLE_SLOT = "@TITLE@";

  private TracePage() {}

  /**
   * The page for {@code traces}, in the order given (the list shows the most recent first).
   *
   * @param title the page's title, e.g. the demo's name
   * @param generatedAt when the page was made, shown in its header
   * @param jsonHref where each trace's {@code <traceID>.json} lies, as a URI relative to the
   *     page (e.g. {@code jaeger}), for the page's links to them; null for no links
   */
  public static String render(String title, List<RecordedTrace> traces, Instant generatedAt,
      String jsonHref) {
    if (title == null) {
      throw new NullPointerException("title == null");
    }
    if (traces == null) {
      throw new NullPointerException("traces == null");
    }
    if (generatedAt == null) {
      throw new NullPointerException("generatedAt == null");
    }
    return fill(resource(TEMPLATE),
        new String[] {TITLE_SLOT, STYLE_SLOT, DATA_SLOT, SCRIPT_SLOT},
        new String[] {escapeHtml(title), resource(STYLE),
            data(title, traces, generatedAt, jsonHref), script()});
  }

  /** The embedded data as compact JSON, escaped so that it cannot end its script element. */
  static String data(String title, List<RecordedTrace> traces, Instant generatedAt,
      String jsonHref) {
    StringBuilder text = new StringBuilder(8192 * Math.max(1, traces.size()));
    JsonWriter json = JsonWriter.compact(text);
    json.beginObject().member("title", title)
        .member("generatedAt", generatedAt.toEpochMilli()).member("jsonHref", jsonHref);
    List<AssembledTrace> assembled = new ArrayList<>(traces.size());
    json.name("traces").beginArray();
    for (RecordedTrace recorded : traces) {
      JaegerJson.writeTrace(json, recorded.trace());
      assembled.add(recorded.trace());
    }
    json.endArray();
    json.name("logs").beginObject();
    for (RecordedTrace recorded : traces) {
      json.name(recorded.trace().traceIdHex()).beginArray();
      for (LogLine line : recorded.logLines()) {
        json.beginObject().member("ts", line.epochMicros()).member("level", line.level())
            .member("service", line.service()).member("spanID", line.spanId())
            .member("line", line.text()).endObject();
      }
      json.endArray();
    }
    json.endObject();
    json.name("operations").beginArray();
    for (OperationStats stats : OperationStats.of(assembled)) {
      json.beginObject().member("service", stats.service())
          .member("operation", stats.operation()).member("kind", stats.kind())
          .member("requests", stats.requests()).member("errors", stats.errors())
          .member("p50", stats.p50Micros()).member("p95", stats.p95Micros())
          .member("p99", stats.p99Micros()).member("slowest", stats.slowestMicros())
          .member("slowestTraceID", stats.slowestTraceId())
          .member("slowestSpanID", stats.slowestSpanId()).endObject();
    }
    json.endArray();
    json.endObject();
    return text.toString();
  }

  private static String script() {
    StringBuilder script = new StringBuilder("// Spoor trace page: draws the search, trace and"
        + " monitor views from the data above.\n(function () {\n'use strict';\n");
    for (String name : SCRIPTS) {
      script.append("\n// ---- ").append(name).append('\n').append(resource(name));
    }
    return script.append("}());").toString();
  }

  private static String resource(String name) {
    try (InputStream in = TracePage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " next to "
            + TracePage.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /**
   * Puts each value where its slot stands in {@code template}; the slots must appear in the given
   * order. Only the template is searched, so a value that happens to hold a slot's text (a log
   * message could) is never replaced again.
   */
  static String fill(String template, String[] slots, String[] values) {
    StringBuilder out = new StringBuilder(template.length() + 64 * 1024);
    int from = 0;
    for (int i = 0; i < slots.length; i++) {
      int at = template.indexOf(slots[i], from);
      if (at < 0) {
        throw new IllegalStateException("the page template has no " + slots[i] + " after "
            + (i == 0 ? "its start" : slots[i - 1]));
      }
      out.append(template, from, at).append(values[i]);
      from = at + slots[i].length();
    }
    return out.append(template, from, template.length()).toString();
  }

  private static String escapeHtml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
