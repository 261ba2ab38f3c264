package dev.spoor.benchmarks.steadyrate;

import java.util.concurrent.locks.LockSupport;

/**
 * Runs a piece of work at a steady rate on the calling thread, by an absolute schedule: the i-th
 * run is due {@code i / rate} seconds after the start, whatever happened before it. Ahead of the
 * schedule the thread parks until the next run is due; behind it (after a pause, or when the
 * work takes longer than its share) it runs back to back until it has caught up, so a stall does
 * not lower the rate, and a tracer that cannot keep up shows as an achieved rate below the target.
 *
 * <p>It never spins: a busy-wait would burn CPU in proportion to the time a tracer leaves free,
 * and subtracting the no-op tracer's CPU would then not cancel it. A park lasts at least the
 * kernel's timer slack (about 50 µs on Linux), so at high rates the work runs in short bursts
 * between parks, as a service's thread does between requests; the number of parks per second is
 * about the same for every tracer at one rate.
 */
final class PacedLoop {
  private final long spansPerSecond;
  private final Clock clock;

  /** A loop that starts {@code spansPerSecond} runs per second. */
  PacedLoop(long spansPerSecond) {
    this(spansPerSecond, Clock.SYSTEM);
  }

  /** The same, on {@code clock} (a test's). */
  PacedLoop(long spansPerSecond, Clock clock) {
    if (spansPerSecond <= 0 || spansPerSecond > 1_000_000_000L) {
      throw new IllegalArgumentException("spansPerSecond must be from 1 to 10^9, was "
          + spansPerSecond);
    }
    this.spansPerSecond = spansPerSecond;
    this.clock = clock;
  }

  /**
   * Runs {@code work} {@code runs} times on schedule, or fewer if {@code maxNanos} pass first (a
   * tracer far behind a high rate), and says how it went.
   */
  Pace run(long runs, long maxNanos, Runnable work) {
    if (runs < 0) {
      throw new IllegalArgumentException("runs < 0: " + runs);
    }
    long start = clock.nanoTime();
    long due = start;
    long done = 0;
    long maxLag = 0;
    long parks = 0;
    long now = start;
    while (done < runs) {
      now = clock.nanoTime();
      long ahead = due - now;
      if (ahead > 0) {
        clock.parkNanos(ahead);
        parks++;
        continue;
      }
      if (-ahead > maxLag) {
        maxLag = -ahead;
      }
      if (now - start > maxNanos) {
        break;
      }
      work.run();
      done++;
      due = start + dueOffsetNanos(done);
    }
    long end = clock.nanoTime();
    return new Pace(done, end - start, dueOffsetNanos(done), maxLag, parks);
  }

  /** When run {@code index} (from 0) is due, in nanoseconds after the start. */
  long dueOffsetNanos(long index) {
    // index * 10^9 overflows only past 9.2 * 10^9 runs: hours at a billion a second.
    return index * 1_000_000_000L / spansPerSecond;
  }

  /** Where the loop reads the time and waits: the system's, or a test's. */
  interface Clock {
    /** {@code System.nanoTime()} and {@code LockSupport.parkNanos}. */
    Clock SYSTEM = new Clock() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void parkNanos(long nanos) {
        LockSupport.parkNanos(nanos);
      }
    };

    long nanoTime();

    /** Waits about {@code nanos}, possibly less (a spurious wake-up) or more. */
    void parkNanos(long nanos);
  }

  /**
   * How a paced run went.
   *
   * @param runs the runs made
   * @param elapsedNanos from the start to the end of the last run
   * @param scheduledNanos when the run after the last one would have been due: the elapsed time
   *     a run exactly on schedule would have taken
   * @param maxLagNanos the longest a run started after it was due
   * @param parks how often the thread parked to wait for a run to be due
   */
  record Pace(long runs, long elapsedNanos, long scheduledNanos, long maxLagNanos, long parks) {
    /** Runs per second, over the elapsed time. */
    double achievedRate() {
      return elapsedNanos == 0 ? 0 : runs * 1e9 / elapsedNanos;
    }
  }
}
