package dev.spoor.benchmarks.steadyrate;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What this JVM has used so far: the process's CPU time (every thread, the JIT's and the
 * collector's native threads included), each Java thread's CPU time and allocated bytes, and
 * the collectors' counts and times. Two snapshots around a window give the window's use.
 */
final class ProcessSnapshot {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  final long wallNanos;
  final long processCpuNanos;
  final long gcCount;
  final long gcMillis;
  /** By thread id. */
  final Map<Long, ThreadSample> threads;
  /** Every kernel thread, by kernel thread id. */
  final Map<Integer, NativeThreads.Sample> nativeThreads;

  private ProcessSnapshot(long wallNanos, long processCpuNanos, long gcCount, long gcMillis,
      Map<Long, ThreadSample> threads, Map<Integer, NativeThreads.Sample> nativeThreads) {
    this.wallNanos = wallNanos;
    this.processCpuNanos = processCpuNanos;
    this.gcCount = gcCount;
    this.gcMillis = gcMillis;
    this.threads = threads;
    this.nativeThreads = nativeThreads;
  }

  /** Turns on the per-thread CPU and allocation counters (the JVM may start with them off). */
  static void enableThreadCounters() {
    THREADS.setThreadCpuTimeEnabled(true);
    THREADS.setThreadAllocatedMemoryEnabled(true);
  }

  /** Takes a snapshot now. */
  static ProcessSnapshot take() {
    long[] ids = THREADS.getAllThreadIds();
    ThreadInfo[] infos = THREADS.getThreadInfo(ids);
    long[] cpu = THREADS.getThreadCpuTime(ids);
    long[] allocated = THREADS.getThreadAllocatedBytes(ids);
    long gcCount = 0;
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    Map<Long, ThreadSample> threads = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] != null && cpu[i] >= 0) { // null or -1: the thread has ended meanwhile
        threads.put(ids[i], new ThreadSample(infos[i].getThreadName(), cpu[i],
            Math.max(0, allocated[i])));
      }
    }
    return new ProcessSnapshot(System.nanoTime(), OS.getProcessCpuTime(), gcCount, gcMillis,
        threads, NativeThreads.now());
  }

  /**
   * Each thread alive at {@code end}: what it used since this snapshot (all of its use, if it
   * started after it). Threads that ended in between are not listed; their CPU is still in the
   * process's.
   */
  List<ThreadUse> threadUseUntil(ProcessSnapshot end) {
    List<ThreadUse> uses = new ArrayList<>();
    for (Map.Entry<Long, ThreadSample> entry : end.threads.entrySet()) {
      ThreadSample last = entry.getValue();
      ThreadSample first = threads.get(entry.getKey());
      long cpu = last.cpuNanos - (first == null ? 0 : first.cpuNanos);
      long allocated = last.allocatedBytes - (first == null ? 0 : first.allocatedBytes);
      uses.add(new ThreadUse(entry.getKey(), last.name, cpu, allocated));
    }
    return uses;
  }

  /**
   * Each kernel thread alive at {@code end}, by name: its CPU and voluntary context switches
   * since this snapshot (all of them, if it started after it).
   */
  List<NativeUse> nativeUseUntil(ProcessSnapshot end) {
    List<NativeUse> uses = new ArrayList<>();
    for (Map.Entry<Integer, NativeThreads.Sample> entry : end.nativeThreads.entrySet()) {
      NativeThreads.Sample last = entry.getValue();
      NativeThreads.Sample first = nativeThreads.get(entry.getKey());
      uses.add(new NativeUse(last.name(),
          last.cpuNanos() - (first == null ? 0 : first.cpuNanos()),
          last.voluntarySwitches() - (first == null ? 0 : first.voluntarySwitches())));
    }
    return uses;
  }

  /** One kernel thread over a window. */
  record NativeUse(String name, long cpuNanos, long voluntarySwitches) {}

  /** One thread at one moment. */
  record ThreadSample(String name, long cpuNanos, long allocatedBytes) {}

  /** One thread over a window. */
  record ThreadUse(long id, String name, long cpuNanos, long allocatedBytes) {}
}
