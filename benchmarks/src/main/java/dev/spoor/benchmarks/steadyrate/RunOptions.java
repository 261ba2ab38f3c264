package dev.spoor.benchmarks.steadyrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steady-rate runner's command line. Every option is {@code --name value}:
 *
 * <ul>
 *   <li>{@code --tracers noop,spoor,...} (default all: {@link Tracers#ALL}; the no-op tracer is
 *       needed for the net column)
 *   <li>{@code --rates 10000,100000,1000000} spans per second (the default)
 *   <li>{@code --warmup-seconds 10} and {@code --measure-seconds 20} per case (the defaults)
 *   <li>{@code --rounds 1}: how often every case is run; the report shows each case's median
 *   <li>{@code --env NAME=VALUE}: a variable for every child JVM, e.g.
 *       {@code JAEGER_REPORTER_MAX_QUEUE_SIZE=10000} (read by Spoor and jaeger-client-java);
 *       may be repeated. None by default: every tracer runs with its defaults
 *   <li>{@code --out benchmarks/STEADY-RATE.md}; {@code none} writes no report
 *   <li>{@code --work-dir benchmarks/target/steady-rate}: each child's result, log and profile
 *   <li>{@code --profile spoor@100000:cpu+wall}: after the measured cases, one more child per
 *       event with async-profiler over its measured window (several, comma-separated)
 *   <li>{@code --note TEXT} and {@code --command TEXT}, for the report's header
 * </ul>
 */
record RunOptions(List<String> tracers, List<Long> rates, double warmupSeconds,
    double measureSeconds, int rounds, Map<String, String> environment, Path out, Path workDir,
    List<ProfileRequest> profiles, String note, String command) {

  /**
   * One profile to take.
   *
   * @param events async-profiler events, one child JVM each: {@code cpu}, {@code wall}, ...
   */
  record ProfileRequest(String tracer, long rate, List<String> events) {
    static ProfileRequest parse(String text) {
      int at = text.indexOf('@');
      int colon = text.indexOf(':', at + 1);
      if (at < 1 || colon < 0) {
        throw new IllegalArgumentException(
            "--profile wants tracer@rate:event[+event], e.g. spoor@100000:cpu+wall; got " + text);
      }
      return new ProfileRequest(Tracers.check(text.substring(0, at)),
          Long.parseLong(text.substring(at + 1, colon)),
          List.of(text.substring(colon + 1).split("\\+")));
    }
  }

  static RunOptions parse(String[] args) {
    List<String> tracers = Tracers.ALL;
    List<Long> rates = List.of(10_000L, 100_000L, 1_000_000L);
    double warmup = 10;
    double measure = 20;
    int rounds = 1;
    Map<String, String> environment = new LinkedHashMap<>();
    Path out = Path.of("benchmarks", "STEADY-RATE.md");
    Path workDir = Path.of("benchmarks", "target", "steady-rate");
    List<ProfileRequest> profiles = new ArrayList<>();
    String note = "";
    String command = "benchmarks/steady-rate.sh";
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[i + 1];
      switch (name) {
        case "--tracers":
          tracers = Arrays.stream(value.split(",")).map(Tracers::check).toList();
          break;
        case "--rates":
          rates = Arrays.stream(value.split(",")).map(Long::parseLong).toList();
          break;
        case "--warmup-seconds":
          warmup = positive(name, Double.parseDouble(value));
          break;
        case "--measure-seconds":
          measure = positive(name, Double.parseDouble(value));
          break;
        case "--rounds":
          rounds = (int) positive(name, Integer.parseInt(value));
          break;
        case "--env":
          int equals = value.indexOf('=');
          if (equals < 1) {
            throw new IllegalArgumentException("--env wants NAME=VALUE, got " + value);
          }
          environment.put(value.substring(0, equals), value.substring(equals + 1));
          break;
        case "--out":
          out = value.equals("none") ? null : Path.of(value);
          break;
        case "--work-dir":
          workDir = Path.of(value);
          break;
        case "--profile":
          for (String one : value.split(",")) {
            profiles.add(ProfileRequest.parse(one));
          }
          break;
        case "--note":
          note = value;
          break;
        case "--command":
          command = value;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new RunOptions(tracers, rates, warmup, measure, rounds,
        Collections.unmodifiableMap(environment), out, workDir, List.copyOf(profiles), note,
        command);
  }

  /** Spans in a window of {@code seconds} at {@code rate}. */
  static long spans(long rate, double seconds) {
    return Math.max(1, Math.round(rate * seconds));
  }

  /** A window ends at twice its scheduled length, so a tracer far behind cannot stall the run. */
  long maxWindowMillis() {
    return Math.round(2000 * Math.max(warmupSeconds, measureSeconds)) + 1000;
  }

  private static double positive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }
}
