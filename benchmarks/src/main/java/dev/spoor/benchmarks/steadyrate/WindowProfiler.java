package dev.spoor.benchmarks.steadyrate;

import java.util.Map;
import one.profiler.AsyncProfiler;

/**
 * async-profiler over the measured window of a child JVM, when the runner asks for it: started
 * through its Java API right before the window's first snapshot and stopped right after the last,
 * so the warm-up, the JIT's first compilations and the tracer's close are not in the profile. The
 * library is also this JVM's {@code -agentpath} (loaded at start, as async-profiler recommends,
 * with {@code -XX:+DebugNonSafepoints}); the API loads the same file.
 *
 * <p>Writes {@code <stem>.collapsed} (one line per distinct stack, thread name first, with its
 * sample count) and {@code <stem>.html} (the flame graph). CPU mode needs perf
 * events; when the kernel refuses them, it falls back to {@code itimer} (CPU time too, from
 * {@code setitimer} signals) and says so in {@link #note()}.
 */
final class WindowProfiler {
  private static final WindowProfiler NONE = new WindowProfiler(null, null, null);

  private final String library;
  private final String event;
  private final String stem;
  private AsyncProfiler profiler;
  private String usedEvent;
  private String note;

  private WindowProfiler(String library, String event, String stem) {
    this.library = library;
    this.event = event;
    this.stem = stem;
  }

  /** From the child's {@code profiler-lib}, {@code profile-event} and {@code profile-file}. */
  static WindowProfiler from(Map<String, String> options) {
    String library = options.get("profiler-lib");
    if (library == null) {
      return NONE;
    }
    String event = options.getOrDefault("profile-event", "cpu");
    String stem = options.get("profile-file");
    if (stem == null) {
      throw new IllegalArgumentException("--profile-file is required with --profiler-lib");
    }
    return new WindowProfiler(library, event, stem);
  }

  void start() throws Exception {
    if (library == null) {
      return;
    }
    profiler = AsyncProfiler.getInstance(library);
    usedEvent = event;
    try {
      profiler.execute(startCommand(event));
    } catch (IllegalStateException | IllegalArgumentException e) {
      if (!event.equals("cpu")) {
        throw e;
      }
      usedEvent = "itimer";
      note = "cpu mode refused (" + e.getMessage() + "); itimer used";
      profiler.execute(startCommand(usedEvent));
    }
  }

  void stop() throws Exception {
    if (profiler == null) {
      return;
    }
    profiler.execute("dump,collapsed,file=" + stem + ".collapsed");
    profiler.execute("stop,flamegraph,file=" + stem + ".html");
  }

  /** The profile files written (without extension), or null when not profiling. */
  String files() {
    return profiler == null ? null : stem;
  }

  /** What differed from what was asked, or null. */
  String note() {
    return note;
  }

  private static String startCommand(String event) {
    // 1 ms: about 20,000 samples of a busy thread in a 20 s window. "threads": one stack tree
    // per thread, so the reporter thread can be read apart from the load thread.
    return "start,event=" + event + ",interval=1ms,threads";
  }
}
