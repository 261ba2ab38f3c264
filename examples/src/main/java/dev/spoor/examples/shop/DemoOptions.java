package dev.spoor.examples.shop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The demo's command line, parsed: how many requests to send (or to run until stopped), how long
 * to pause between them, where to append a log file for promtail, and where to write the trace
 * page and the traces' Jaeger JSON.
 *
 * @param requests requests to send when not {@code forever}
 * @param forever keep sending until the process is stopped
 * @param intervalMillis pause between requests
 * @param logFile file to append logfmt lines to, or null for none
 * @param htmlFile the trace page to write
 * @param jsonDirectory the directory for one Jaeger JSON file per trace
 * @param help only print the usage
 */
public record DemoOptions(int requests, boolean forever, long intervalMillis, Path logFile,
    Path htmlFile, Path jsonDirectory, boolean help) {
  /** Requests sent when {@code --requests} is not given. */
  public static final int DEFAULT_REQUESTS = 6;
  /** Pause between requests with {@code --forever}, so a long run stays light on the machine. */
  public static final long DEFAULT_FOREVER_INTERVAL_MILLIS = 500;
  /** Setting (environment variable) naming the log file when {@code --log-file} is absent. */
  public static final String LOG_FILE_SETTING = "SPOOR_DEMO_LOG_FILE";

  /** The trace page's file name in the output directory when {@code --html} is not given. */
  public static final String DEFAULT_HTML_NAME = "traces.html";
  /** The JSON directory's name in the output directory when {@code --json} is not given. */
  public static final String DEFAULT_JSON_NAME = "jaeger-json";

  /** Checks the values. */
  public DemoOptions {
    if (htmlFile == null) {
      throw new NullPointerException("htmlFile == null");
    }
    if (jsonDirectory == null) {
      throw new NullPointerException("jsonDirectory == null");
    }
  }

  /**
   * Where the page and the JSON go by default: {@code examples/target/spoor-demo} when run from
   * the repository root (the README's command), else {@code target/spoor-demo} (run from the
   * examples module, as its tests and IDEs do); both are the module's build directory.
   */
  public static Path defaultOutputDirectory() {
    Path module = Files.isRegularFile(Path.of("examples", "pom.xml")) ? Path.of("examples")
        : Path.of("");
    return module.resolve("target").resolve("spoor-demo");
  }

  /** The usage text printed by {@code --help} and after a bad argument. */
  public static String usage() {
    return String.join("\n",
        "Usage: ShopDemo [--requests N | --forever] [--interval-ms MILLIS] [--log-file PATH]",
        "                [--html PATH] [--json DIR]",
        "",
        "Runs four traced services (shop-gateway -> cart-manager -> inventory, payment) and sends",
        "them customer requests.",
        "",
        "  --requests N       send N requests, then stop (default " + DEFAULT_REQUESTS + ")",
        "  --forever          keep sending until stopped with Ctrl-C",
        "  --interval-ms N    pause between requests (default 0, or "
            + DEFAULT_FOREVER_INTERVAL_MILLIS + " with --forever)",
        "  --log-file PATH    also append logfmt lines to PATH, for promtail (default: $"
            + LOG_FILE_SETTING + ")",
        "  --html PATH        write the trace page there (default "
            + defaultOutputDirectory().resolve(DEFAULT_HTML_NAME) + ")",
        "  --json DIR         write each trace as Jaeger JSON into DIR (default "
            + defaultOutputDirectory().resolve(DEFAULT_JSON_NAME) + ")",
        "  --help             print this text",
        "",
        "Without JAEGER_AGENT_HOST, spans go to an in-process agent and each trace is drawn",
        "here as a waterfall with its log lines; at the end, one HTML page shows them all (trace",
        "list, trace views with their log lines, RED per operation) and each trace is also",
        "written as the JSON the Jaeger UI opens. With JAEGER_AGENT_HOST (and JAEGER_AGENT_PORT,",
        "default 6831) set, spans go to that Jaeger agent; see examples/docker-compose.yml.",
        "");
  }

  /**
   * Parses {@code args}; {@code settings} looks up environment settings by name (null when unset).
   *
   * @throws IllegalArgumentException naming the bad or unknown argument
   */
  public static DemoOptions parse(String[] args, UnaryOperator<String> settings) {
    if (args == null) {
      throw new NullPointerException("args == null");
    }
    Integer requests = null;
    boolean forever = false;
    Long interval = null;
    String logFile = settings.apply(LOG_FILE_SETTING);
    String html = null;
    String json = null;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      switch (name) {
        case "--help", "-h" -> help = true;
        case "--forever" -> forever = true;
        case "--requests" -> {
          value = value != null ? value : valueAfter(args, i++, name);
          requests = (int) number(name, value, 1, Integer.MAX_VALUE);
        }
        case "--interval-ms" -> {
          value = value != null ? value : valueAfter(args, i++, name);
          interval = number(name, value, 0, 3_600_000);
        }
        case "--log-file" -> {
          value = value != null ? value : valueAfter(args, i++, name);
          if (value.isBlank()) {
            throw new IllegalArgumentException("--log-file needs a path");
          }
          logFile = value;
        }
        case "--html" -> {
          value = value != null ? value : valueAfter(args, i++, name);
          html = pathValue(name, value);
        }
        case "--json" -> {
          value = value != null ? value : valueAfter(args, i++, name);
          json = pathValue(name, value);
        }
        default -> throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    if (forever && requests != null) {
      throw new IllegalArgumentException("--requests and --forever cannot be combined");
    }
    long intervalMillis = interval != null ? interval
        : forever ? DEFAULT_FOREVER_INTERVAL_MILLIS : 0L;
    Path logPath = logFile == null || logFile.isBlank() ? null : Path.of(logFile);
    Path output = defaultOutputDirectory();
    return new DemoOptions(requests != null ? requests : DEFAULT_REQUESTS, forever, intervalMillis,
        logPath, html != null ? Path.of(html) : output.resolve(DEFAULT_HTML_NAME),
        json != null ? Path.of(json) : output.resolve(DEFAULT_JSON_NAME), help);
  }

  private static String pathValue(String name, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " needs a path");
    }
    return value;
  }

  private static String valueAfter(String[] args, int index, String name) {
    if (index + 1 >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[index + 1];
  }

  private static long number(String name, String value, long min, long max) {
    long parsed;
    try {
      parsed = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, got '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + parsed);
    }
    return parsed;
  }
}
