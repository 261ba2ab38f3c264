package dev.spoor.examples.shop;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The demo's command line, parsed: how many requests to send (or to run until stopped), how long
 * to pause between them, and where to append a log file for promtail.
 *
 * @param requests requests to send when not {@code forever}
 * @param forever keep sending until the process is stopped
 * @param intervalMillis pause between requests
 * @param logFile file to append logfmt lines to, or null for none
 * @param help only print the usage
 */
public record DemoOptions(
    int requests, boolean forever, long intervalMillis, Path logFile, boolean help) {
  /** Requests sent when {@code --requests} is not given. */
  public static final int DEFAULT_REQUESTS = 6;
  /** Pause between requests with {@code --forever}, so a long run stays light on the machine. */
  public static final long DEFAULT_FOREVER_INTERVAL_MILLIS = 500;
  /** Setting (environment variable) naming the log file when {@code --log-file} is absent. */
  public static final String LOG_FILE_SETTING = "SPOOR_DEMO_LOG_FILE";

  /** The usage text printed by {@code --help} and after a bad argument. */
  public static String usage() {
    return String.join("\n",
        "Usage: ShopDemo [--requests N | --forever] [--interval-ms MILLIS] [--log-file PATH]",
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
        "  --help             print this text",
        "",
        "Without JAEGER_AGENT_HOST, spans go to an in-process agent and each trace is drawn here as",
        "a waterfall with its log lines. With JAEGER_AGENT_HOST (and JAEGER_AGENT_PORT, default",
        "6831) set, spans go to that Jaeger agent; see examples/docker-compose.yml.",
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
        default -> throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    if (forever && requests != null) {
      throw new IllegalArgumentException("--requests and --forever cannot be combined");
    }
    long intervalMillis = interval != null ? interval
        : forever ? DEFAULT_FOREVER_INTERVAL_MILLIS : 0L;
    Path logPath = logFile == null || logFile.isBlank() ? null : Path.of(logFile);
    return new DemoOptions(requests != null ? requests : DEFAULT_REQUESTS, forever, intervalMillis,
        logPath, help);
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
