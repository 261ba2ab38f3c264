package dev.spoor.benchmarks.steadyrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one child JVM measured, written by {@link LoadProcess} as JSON and read back by the runner.
 * A plain class with fields, as Gson 2.9 reads it. CPU and allocation are over the measured window
 * only, which starts after the warm-up window.
 */
final class LoadResult {
  String tracer;
  long targetRate;
  long warmupSpans;
  double warmupAchievedRate;
  /** Spans started and finished in the measured window. */
  long measuredSpans;
  long windowNanos;
  /** How long a run exactly on schedule would have taken: windowNanos above it means lag. */
  long scheduledNanos;
  long maxLagNanos;
  long parks;

  /** The process's CPU time in the window ({@code OperatingSystemMXBean.getProcessCpuTime}). */
  long processCpuNanos;
  long loadThreadCpuNanos;
  /** The tracer's own threads ({@link TracedLoad#backgroundThreadPrefixes}). */
  long backgroundCpuNanos;
  /** Java threads that are neither (JMX, the JIT's and the collector's are native, not here). */
  long otherThreadsCpuNanos;
  long loadThreadAllocatedBytes;
  long backgroundAllocatedBytes;
  /** Every Java thread alive at the window's end. */
  long allThreadsAllocatedBytes;
  long gcCount;
  long gcMillis;
  /** Times the load thread slept (parked) in the window: its voluntary context switches. */
  long loadThreadSwitches;
  /** Times the tracer's threads slept and were woken again in the window. */
  long backgroundSwitches;
  /** The kernel's CPU time of every thread alive at the window's end, native ones included. */
  long kernelThreadsCpuNanos;
  /** Of that, the JVM's GC threads ({@code GC Thread#n}, {@code G1 ...}). */
  long gcThreadsCpuNanos;
  /** Of that, the JIT's compiler threads. */
  long compilerThreadsCpuNanos;
  List<String> backgroundThreads = new ArrayList<>();
  /** The busiest threads of the window, busiest first. */
  List<ThreadRow> threads = new ArrayList<>();

  /** Every span finished in the run: warm-up, measured and the parent. */
  long spansFinished;
  long closeMillis;
  /** The tracer's own counters after close, when it has readable ones (Spoor's metrics). */
  Map<String, Long> tracerCounters = new LinkedHashMap<>();

  String profile;
  String profileNote;
  String jvm;
  List<String> jvmArguments = new ArrayList<>();

  /** Process CPU nanoseconds per measured span. */
  double processCpuPerSpan() {
    return perSpan(processCpuNanos);
  }

  /** Measured spans per second over the window. */
  double achievedRate() {
    return windowNanos == 0 ? 0 : measuredSpans * 1e9 / windowNanos;
  }

  double perSpan(long total) {
    return measuredSpans == 0 ? Double.NaN : (double) total / measuredSpans;
  }

  /** One thread's use of the window. */
  static final class ThreadRow {
    String name;
    long cpuNanos;
    long allocatedBytes;

    ThreadRow(String name, long cpuNanos, long allocatedBytes) {
      this.name = name;
      this.cpuNanos = cpuNanos;
      this.allocatedBytes = allocatedBytes;
    }
  }
}
