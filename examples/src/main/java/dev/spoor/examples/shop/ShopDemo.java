package dev.spoor.examples.shop;

import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.agent.InProcessJaegerAgent;
import dev.spoor.examples.logging.LogFile;
import dev.spoor.examples.logging.LogLine;
import dev.spoor.examples.logging.TraceLogBuffer;
import dev.spoor.examples.page.RecordedTrace;
import dev.spoor.examples.page.TracePageWriter;
import dev.spoor.examples.waterfall.TraceWaterfall;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The ice-cream shop demo: starts the four traced services, sends them customer requests and
 * shows each request's trace.
 *
 * <p>Without {@code JAEGER_AGENT_HOST}, it starts an {@link InProcessJaegerAgent} on a free
 * loopback port, has the tracers send their datagrams there, and prints each trace as a waterfall
 * followed by a few of its log lines; at the end it writes every trace to one HTML page (trace
 * list, trace views with their log lines, RED per operation) and to Jaeger JSON files, and prints
 * where (with {@code --forever}, the page is rewritten after each request, holding the last
 * {@value TracePageWriter#DEFAULT_KEEP} traces). With {@code JAEGER_AGENT_HOST} set, it says so
 * and the tracers send to that agent instead, so the traces appear in a real Jaeger UI; it then
 * prints each trace's id and log lines only. Run {@code ShopDemo --help} for the options.
 */
public final class ShopDemo {
  /** How long to wait for a request's trace to reach the in-process agent. */
  static final Duration TRACE_WAIT = Duration.ofSeconds(10);
  /** Log lines printed under each trace. */
  static final int LOG_LINES_PER_TRACE = 6;
  /** The page's title. */
  static final String PAGE_TITLE = "Spoor ice-cream shop";

  private final DemoOptions options;
  private final DemoShop.Factory shops;
  private final PrintStream out;
  private final PrintStream err;
  private final TraceWaterfall waterfall = new TraceWaterfall();
  /** The trace page and JSON files, written from the in-process agent's traces; else null. */
  private TracePageWriter page;
  private boolean pageFailureReported;
  private int sentRequests;
  private int failedRequests;
  private int missingTraces;
  private long messagesSent;

  private ShopDemo(DemoOptions options, DemoShop.Factory shops, PrintStream out,
      PrintStream err) {
    this.options = options;
    this.shops = shops;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs the demo: the {@link IceCreamShop}, its tracers reporting over UDP with Spoor's
   * {@code RemoteReporter}; settings are read from system properties, then the environment.
   */
  public static void main(String[] args) {
    // Spoor logs through java.util.logging: route it into logback, next to the shop's lines.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    int status = run(args, ShopDemo::setting, IceCreamShop.factory(RemoteSpanReporting::new),
        System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the demo and returns its exit status: 0 when every request was answered (a 5xx is an
   * answer: the shop fails some requests on purpose) and, with the in-process agent, every trace
   * arrived; 1 otherwise; 2 for a bad command line.
   *
   * @param args the command line, see {@link DemoOptions#usage()}
   * @param settings looks up {@code JAEGER_AGENT_HOST} and the like by name; null when unset
   * @param shops starts the traced services
   * @param out where the waterfalls and log lines go
   * @param err where problems with the command line or the run go
   */
  public static int run(String[] args, UnaryOperator<String> settings, DemoShop.Factory shops,
      PrintStream out, PrintStream err) {
    DemoOptions options;
    AgentEndpoint external;
    try {
      options = DemoOptions.parse(args, settings);
      external = AgentEndpoint.external(settings);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(DemoOptions.usage());
      return 2;
    }
    if (options.help()) {
      out.print(DemoOptions.usage());
      return 0;
    }
    if (options.logFile() != null) {
      LogFile.attach(options.logFile());
      out.println("Appending logfmt log lines to " + options.logFile().toAbsolutePath());
    }
    try {
      return new ShopDemo(options, shops, out, err).run(external);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return failWith(err, "the demo stopped: " + e);
    } finally {
      if (options.logFile() != null) {
        LogFile.detach();
      }
    }
  }

  private int run(AgentEndpoint external) throws Exception {
    try (InProcessJaegerAgent agent = external == null ? InProcessJaegerAgent.start() : null) {
      AgentEndpoint endpoint =
          agent == null ? external : new AgentEndpoint(agent.host(), agent.port(), true);
      if (agent != null) {
        page = new TracePageWriter(options.htmlFile(), options.jsonDirectory(),
            TracePageWriter.DEFAULT_KEEP, PAGE_TITLE);
      }
      introduce(endpoint);
      try (DemoShop shop = shops.start(endpoint)) {
        for (int n = 1; options.forever() || n <= options.requests(); n++) {
          if (n > 1 && options.intervalMillis() > 0) {
            // Pacing a long run, not waiting for a result.
            Thread.sleep(options.intervalMillis());
          }
          RequestOutcome outcome = shop.checkout(n);
          shop.flush();
          report(n, outcome, shop.messagesSent(), agent, endpoint);
          if (page != null && options.forever()) {
            writePage();
          }
        }
        messagesSent = shop.messagesSent();
      }
      summarize(agent, endpoint);
    }
    boolean pageWritten = page == null || options.forever() || writePage();
    if (page != null && pageWritten) {
      printPagePaths();
    }
    return missingTraces == 0 && pageWritten ? 0 : 1;
  }

  private void introduce(AgentEndpoint endpoint) {
    out.println("Spoor ice-cream shop: shop-gateway -> cart-manager -> (inventory, payment), "
        + (options.forever() ? "sending requests until stopped."
            : plural(options.requests(), "request") + "."));
    if (endpoint.inProcess()) {
      out.println(AgentEndpoint.HOST_SETTING + " is not set: the tracers send Jaeger Thrift UDP"
          + " datagrams to an in-process agent on " + endpoint
          + ", which decodes them and draws each trace below.");
      if (options.forever()) {
        out.println("The trace page " + page.htmlFile().toUri() + " is rewritten after each"
            + " request with the last " + TracePageWriter.DEFAULT_KEEP + " traces.");
      }
    } else {
      String where = endpoint.otlpEndpoint() != null
          ? AgentEndpoint.OTLP_SETTING + " is set: the tracers send their spans over OTLP/HTTP to "
          : AgentEndpoint.HOST_SETTING + " is set: the tracers send their spans to the Jaeger agent at ";
      out.println(where + endpoint + ". See them in the Jaeger UI, e.g. "
          + uiAddress(endpoint) + " with examples/docker-compose.yml.");
    }
    out.println();
  }

  private void report(int n, RequestOutcome outcome, long sentSoFar,
      InProcessJaegerAgent agent, AgentEndpoint endpoint) throws InterruptedException {
    sentRequests++;
    if (outcome.status() >= 500) {
      failedRequests++;
    }
    out.println("Request " + n + (options.forever() ? "" : "/" + options.requests()) + ": HTTP "
        + outcome.status() + ", " + outcome.summary());
    if (agent == null) {
      out.println("trace " + outcome.traceIdHex() + ": " + uiAddress(endpoint) + "/trace/"
          + outcome.traceIdHex());
    } else {
      printWaterfall(outcome.traceIdHex(), sentSoFar, agent);
    }
    printLogLines(outcome.traceIdHex());
    out.println();
  }

  private void printWaterfall(String traceIdHex, long sentSoFar, InProcessJaegerAgent agent)
      throws InterruptedException {
    try {
      // The shop has sent every span of the request; once the agent has read every datagram
      // sent so far, the trace is complete.
      agent.awaitDatagrams(sentSoFar, TRACE_WAIT);
    } catch (TimeoutException e) {
      // Drawn below from what did arrive, if anything.
      out.println("Incomplete: " + e.getMessage() + " within " + TRACE_WAIT.toSeconds() + " s");
    }
    AssembledTrace trace = agent.trace(traceIdHex);
    if (trace == null) {
      missingTraces++;
      out.println("trace " + traceIdHex + " did not reach the in-process agent within "
          + TRACE_WAIT.toSeconds() + " s");
      return;
    }
    out.print(waterfall.render(trace));
    page.add(new RecordedTrace(trace, logLinesOf(traceIdHex)));
    if (options.forever()) {
      // A long run draws each trace once; keeping them all would only grow the heap.
      agent.clear();
    }
  }

  /** Writes the page and the JSON files; says so once on failure and returns false. */
  private boolean writePage() {
    try {
      page.write();
      return true;
    } catch (IOException | RuntimeException e) {
      if (!pageFailureReported) {
        pageFailureReported = true;
        err.println("Could not write the trace page " + page.htmlFile() + ": " + e);
      }
      return false;
    }
  }

  private void printPagePaths() {
    out.println("Trace page (" + plural(page.size(), "trace") + ", their log lines, RED per"
        + " operation): " + page.htmlFile().toUri());
    out.println("Jaeger JSON, one file per trace (Jaeger UI: Search page, JSON File or Upload"
        + " tab): " + page.jsonDirectory());
  }

  private static List<LogLine> logLinesOf(String traceIdHex) {
    try {
      return TraceLogBuffer.installed().entriesOf(traceIdHex);
    } catch (IllegalStateException e) {
      return List.of();
    }
  }

  private void printLogLines(String traceIdHex) {
    List<String> lines;
    try {
      lines = TraceLogBuffer.installed().linesOf(traceIdHex);
    } catch (IllegalStateException e) {
      return;
    }
    if (lines.isEmpty()) {
      return;
    }
    int shown = Math.min(LOG_LINES_PER_TRACE, lines.size());
    out.println("Log lines with traceID=" + traceIdHex + " (" + shown + " of " + lines.size()
        + "):");
    for (String line : lines.subList(0, shown)) {
      out.println("  " + line);
    }
  }

  private void summarize(InProcessJaegerAgent agent, AgentEndpoint endpoint) {
    StringBuilder summary = new StringBuilder("Done: ").append(plural(sentRequests, "request"))
        .append(", ").append(failedRequests).append(" answered with a 5xx; ");
    if (agent == null) {
      summary.append("the tracers sent ").append(messagesSent)
          .append(endpoint.otlpEndpoint() != null ? " OTLP/HTTP requests to " : " datagrams to ")
          .append(endpoint);
    } else {
      summary.append("the in-process agent decoded ").append(agent.datagramsReceived())
          .append(" datagrams into ").append(agent.traces().size()).append(" traces");
      if (agent.datagramsRejected() > 0) {
        summary.append(" and rejected ").append(agent.datagramsRejected());
      }
      if (missingTraces > 0) {
        summary.append("; ").append(missingTraces).append(" traces never arrived");
      }
    }
    out.println(summary.append('.'));
  }

  private static String uiAddress(AgentEndpoint endpoint) {
    return "http://" + endpoint.host() + ":16686";
  }

  private static int failWith(PrintStream err, String message) {
    err.println(message);
    return 1;
  }

  /** A system property, else the environment variable of the same name (as jaeger-client does). */
  static String setting(String name) {
    String value = System.getProperty(name);
    return value != null ? value : System.getenv(name);
  }


  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
