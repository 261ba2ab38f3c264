package dev.spoor.benchmarks.steadyrate;

import dev.spoor.benchmarks.report.Machine;
import dev.spoor.benchmarks.steadyrate.RunOptions.ProfileRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The steady-rate benchmark's entry point ({@code benchmarks/steady-rate.sh} runs it from the
 * benchmarks jar): every tracer at every rate, each case in its own child JVM ({@link ChildJvm})
 * sending to a receiver in this JVM ({@link CaseRunner}), then {@code STEADY-RATE.md}
 * ({@link SteadyRateReport}) and, when asked, async-profiler profiles of chosen cases. Options:
 * {@link RunOptions}.
 */
public final class SteadyRateRunner {
  private SteadyRateRunner() {}

  /** Runs what the options ask for; exits with status 2 on bad options. */
  public static void main(String[] args) throws Exception {
    RunOptions options;
    try {
      options = RunOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("steady-rate: " + e.getMessage());
      System.exit(2);
      return;
    }
    ChildJvm jvm = new ChildJvm(options.workDir());
    CaseRunner runner = new CaseRunner(jvm);
    List<CaseResult> results = new ArrayList<>();
    int total = options.rounds() * options.rates().size() * options.tracers().size();
    // Per case: both windows, about 3 s to start a JVM with a touched 1 GiB heap, and a few
    // seconds for the tracer's close and the last spans' delivery (about 41 s a case measured).
    double estimate = (total + countProfiles(options))
        * (options.warmupSeconds() + options.measureSeconds() + 11) / 60;
    System.out.printf(Locale.ROOT, "%d cases, about %.0f min%n", total, Math.ceil(estimate));
    int done = 0;
    for (int round = 1; round <= options.rounds(); round++) {
      for (long rate : options.rates()) {
        for (String tracer : options.tracers()) {
          ChildJvm.Case c = measuredCase(options, tracer, rate, round, null);
          System.out.printf(Locale.ROOT, "[%d/%d] %s at %,d spans/s...%n", ++done, total, tracer,
              rate);
          CaseResult result = runner.run(c, round);
          results.add(result);
          System.out.println("    " + summary(result));
        }
      }
    }
    if (options.out() != null && !results.isEmpty()) {
      SteadyRateReport.Header header = new SteadyRateReport.Header(Instant.now(),
          Machine.current(), options.command(), options.note(), options.warmupSeconds(),
          options.measureSeconds(), options.rounds(), options.environment(), ChildJvm.JVM_FLAGS);
      Files.writeString(options.out(), SteadyRateReport.render(results, header),
          StandardCharsets.UTF_8);
      System.out.println("Wrote " + options.out());
    }
    if (!options.profiles().isEmpty()) {
      Path library = extractProfiler(options.workDir());
      for (ProfileRequest request : options.profiles()) {
        for (String event : request.events()) {
          ChildJvm.Case c = measuredCase(options, request.tracer(), request.rate(), 0,
              new ChildJvm.Profile(library, event));
          System.out.printf(Locale.ROOT, "profiling %s at %,d spans/s (%s)...%n",
              request.tracer(), request.rate(), event);
          CaseResult result = runner.run(c, 0);
          System.out.println("    " + summary(result));
          System.out.println("    profile: " + result.load().profile + ".{collapsed,html}"
              + (result.load().profileNote == null ? "" : " (" + result.load().profileNote + ")"));
        }
      }
    }
  }

  private static int countProfiles(RunOptions options) {
    return options.profiles().stream().mapToInt(p -> p.events().size()).sum();
  }

  static ChildJvm.Case measuredCase(RunOptions options, String tracer, long rate, int round,
      ChildJvm.Profile profile) {
    String name = tracer + "-" + rate + (profile == null ? "-round" + round : "-profile-"
        + profile.event());
    return new ChildJvm.Case(name, tracer, rate,
        RunOptions.spans(rate, options.warmupSeconds()),
        RunOptions.spans(rate, options.measureSeconds()), options.maxWindowMillis(),
        options.environment(), profile);
  }

  /** One line for the console. */
  static String summary(CaseResult result) {
    LoadResult load = result.load();
    return String.format(Locale.ROOT,
        "achieved %,.0f/s, CPU %s/span (load %s, tracer threads %s), finished %,d, delivered %,d%s",
        load.achievedRate(), SteadyRateReport.nanos(load.processCpuPerSpan()),
        SteadyRateReport.nanos(load.perSpan(load.loadThreadCpuNanos)),
        SteadyRateReport.nanos(load.perSpan(load.backgroundCpuNanos)), load.spansFinished,
        result.delivered(), result.valid() ? "" : "  INVALID: " + result.problem()
            + ", undelivered " + result.undelivered());
  }

  /**
   * Copies async-profiler's Linux x64 library out of its jar (on this class path) into
   * {@code workDir}, where the child JVMs load it as an agent.
   */
  static Path extractProfiler(Path workDir) throws IOException {
    String resource = "linux-x64/libasyncProfiler.so";
    Path target = Files.createDirectories(workDir).resolve("libasyncProfiler.so");
    try (InputStream in = SteadyRateRunner.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is not on the class path "
            + "(tools.profiler:async-profiler)");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }
}
