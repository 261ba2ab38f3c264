package dev.spoor.benchmarks.steadyrate;

import com.google.gson.GsonBuilder;
import dev.spoor.benchmarks.steadyrate.PacedLoop.Pace;
import dev.spoor.benchmarks.steadyrate.ProcessSnapshot.NativeUse;
import dev.spoor.benchmarks.steadyrate.ProcessSnapshot.ThreadUse;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of one steady-rate case: one tracer, one rate. The main thread (renamed
 * {@value #LOAD_THREAD}) activates a parent span, runs the warm-up window and then the measured
 * window on a {@link PacedLoop}, snapshots the process around the measured window only, finishes
 * the parent, closes the tracer (which sends what it still holds) and writes a {@link LoadResult}
 * as JSON. The runner starts it with {@link ChildJvm}; nothing else runs in this JVM.
 *
 * <p>Arguments, each {@code --name value}: {@code tracer}, {@code rate} (spans/s),
 * {@code warmup-spans}, {@code measure-spans}, {@code max-window-ms} (a window ends then even if
 * the tracer is behind), {@code port} (the receiver's), {@code result} (the JSON file to write);
 * optionally {@code profiler-lib} (libasyncProfiler.so, also loaded as this JVM's agent),
 * {@code profile-event} (async-profiler's event: {@code cpu}, {@code wall}, {@code itimer}) and
 * {@code profile-file} (the path's stem: {@code .collapsed} and {@code .html} are added).
 */
public final class LoadProcess {
  /** The name of the thread that runs the load. */
  static final String LOAD_THREAD = "steady-load";
  private static final int THREAD_ROWS = 12;

  private LoadProcess() {}

  /** Runs one case; exits non-zero, with the failure on stderr, if anything goes wrong. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    String tracer = Tracers.check(required(options, "tracer"));
    long rate = Long.parseLong(required(options, "rate"));
    long warmupSpans = Long.parseLong(required(options, "warmup-spans"));
    long measureSpans = Long.parseLong(required(options, "measure-spans"));
    long maxWindowNanos = Long.parseLong(required(options, "max-window-ms")) * 1_000_000L;
    int port = Integer.parseInt(required(options, "port"));
    Path resultFile = Path.of(required(options, "result"));
    WindowProfiler profiler = WindowProfiler.from(options);

    Thread.currentThread().setName(LOAD_THREAD);
    long loadThreadId = Thread.currentThread().getId();
    ProcessSnapshot.enableThreadCounters();

    LoadResult result = new LoadResult();
    result.tracer = tracer;
    result.targetRate = rate;
    TracedLoad load = TracedLoad.create(tracer, port);
    load.activateParent();
    PacedLoop loop = new PacedLoop(rate);
    Runnable span = load::traceSpan;
    Pace warmup = loop.run(warmupSpans, maxWindowNanos, span);

    profiler.start();
    ProcessSnapshot before = ProcessSnapshot.take();
    Pace measured = loop.run(measureSpans, maxWindowNanos, span);
    ProcessSnapshot after = ProcessSnapshot.take();
    profiler.stop();

    load.finishParent();
    long closeStart = System.nanoTime();
    load.close();
    result.closeMillis = (System.nanoTime() - closeStart) / 1_000_000;

    result.warmupSpans = warmup.runs();
    result.warmupAchievedRate = warmup.achievedRate();
    result.measuredSpans = measured.runs();
    result.windowNanos = measured.elapsedNanos();
    result.scheduledNanos = measured.scheduledNanos();
    result.maxLagNanos = measured.maxLagNanos();
    result.parks = measured.parks();
    result.processCpuNanos = after.processCpuNanos - before.processCpuNanos;
    result.gcCount = after.gcCount - before.gcCount;
    result.gcMillis = after.gcMillis - before.gcMillis;
    attribute(before.threadUseUntil(after), loadThreadId, load.backgroundThreadPrefixes(), result);
    attributeNative(before.nativeUseUntil(after), load.backgroundThreadPrefixes(), result);
    result.spansFinished = load.spansFinished();
    result.tracerCounters.putAll(load.counters());
    result.profile = profiler.files();
    result.profileNote = profiler.note();
    result.jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version");
    result.jvmArguments.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());

    Files.writeString(resultFile, new GsonBuilder().setPrettyPrinting().create().toJson(result),
        StandardCharsets.UTF_8);
    System.exit(0); // a peer's non-daemon thread must not keep the JVM alive
  }

  /** Splits the window's thread use into the load thread, the tracer's threads and the rest. */
  static void attribute(List<ThreadUse> uses, long loadThreadId, List<String> backgroundPrefixes,
      LoadResult result) {
    for (ThreadUse use : uses) {
      result.allThreadsAllocatedBytes += use.allocatedBytes();
      if (use.id() == loadThreadId) {
        result.loadThreadCpuNanos += use.cpuNanos();
        result.loadThreadAllocatedBytes += use.allocatedBytes();
      } else if (isBackground(use.name(), backgroundPrefixes)) {
        result.backgroundCpuNanos += use.cpuNanos();
        result.backgroundAllocatedBytes += use.allocatedBytes();
        result.backgroundThreads.add(use.name());
      } else {
        result.otherThreadsCpuNanos += use.cpuNanos();
      }
    }
    uses.stream()
        .sorted(Comparator.comparingLong(ThreadUse::cpuNanos).reversed())
        .limit(THREAD_ROWS)
        .forEach(use -> result.threads.add(
            new LoadResult.ThreadRow(use.name(), use.cpuNanos(), use.allocatedBytes())));
  }

  /**
   * The kernel's view of the window: wake-ups of the load thread and of the tracer's threads (by
   * their names as the kernel keeps them), and the CPU of the JVM's own threads.
   */
  static void attributeNative(List<NativeUse> uses, List<String> backgroundPrefixes,
      LoadResult result) {
    for (NativeUse use : uses) {
      result.kernelThreadsCpuNanos += use.cpuNanos();
      String name = use.name();
      if (name.equals(LOAD_THREAD)) {
        result.loadThreadSwitches += use.voluntarySwitches();
      } else if (backgroundPrefixes.stream().anyMatch(p -> NativeThreads.matches(name, p))) {
        result.backgroundSwitches += use.voluntarySwitches();
      } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
        result.gcThreadsCpuNanos += use.cpuNanos();
      } else if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
        result.compilerThreadsCpuNanos += use.cpuNanos();
      }
    }
  }

  static boolean isBackground(String threadName, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (threadName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + List.of(args));
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}
