package dev.spoor.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Application threads that each run a loop of span work and time every {@code finish()} with
 * {@link System#nanoTime()} into a preallocated array, so the measuring costs no allocation and
 * memory stays bounded. Collects anything thrown; the test asserts nothing was.
 */
final class FinishingThreads {
  /** The work of one iteration; returns the nanoseconds its {@code finish()} call took. */
  interface Work {
    long run(int thread, int iteration);
  }

  private final List<Thread> threads = new ArrayList<>();
  private final long[][] finishNanos;
  private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
  private final CountDownLatch start = new CountDownLatch(1);

  FinishingThreads(int threadCount, int iterationsPerThread, Work work) {
    finishNanos = new long[threadCount][iterationsPerThread];
    for (int t = 0; t < threadCount; t++) {
      int thread = t;
      Thread runner = new Thread(() -> {
        try {
          start.await();
          long[] times = finishNanos[thread];
          for (int i = 0; i < times.length; i++) {
            times[i] = work.run(thread, i);
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "application-" + t);
      runner.setDaemon(true);
      threads.add(runner);
      runner.start();
    }
  }

  /** Lets every thread go at once. */
  FinishingThreads go() {
    start.countDown();
    return this;
  }

  /** True while any thread still works. */
  boolean running() {
    for (Thread thread : threads) {
      if (thread.isAlive()) {
        return true;
      }
    }
    return false;
  }

  /** Waits for every thread; fails when one is still running after the deadline. */
  void join(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (Thread thread : threads) {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (thread.isAlive()) {
        throw new AssertionError(thread.getName() + " did not finish in " + timeoutMillis + " ms");
      }
    }
  }

  /** What the threads threw: empty when tracing never hurt them. */
  List<Throwable> failures() {
    return new ArrayList<>(failures);
  }

  /** Every finish() time, sorted ascending. */
  long[] sortedFinishNanos() {
    int total = 0;
    for (long[] times : finishNanos) {
      total += times.length;
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] times : finishNanos) {
      System.arraycopy(times, 0, all, at, times.length);
      at += times.length;
    }
    Arrays.sort(all);
    return all;
  }

  /** The value below which {@code fraction} of the sorted values lie. */
  static long percentile(long[] sorted, double fraction) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
    return sorted[Math.max(0, index)];
  }
}
