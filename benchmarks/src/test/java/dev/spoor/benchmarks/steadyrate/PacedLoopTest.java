package dev.spoor.benchmarks.steadyrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.benchmarks.steadyrate.PacedLoop.Pace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacedLoopTest {
  private static final long PERIOD = 100_000; // ns, at 10,000 runs/s

  @Test
  void neverRunsBeforeItsDueTimeAndParksUntilThen() {
    FakeClock clock = new FakeClock();
    List<Long> startedAt = new ArrayList<>();
    Pace pace = new PacedLoop(10_000, clock).run(100, Long.MAX_VALUE, () -> {
      startedAt.add(clock.now);
      clock.now += 30_000; // the work takes 30 µs of its 100
    });

    assertEquals(100, pace.runs());
    for (int i = 0; i < startedAt.size(); i++) {
      assertTrue(startedAt.get(i) >= i * PERIOD, "run " + i + " at " + startedAt.get(i));
      assertTrue(startedAt.get(i) < i * PERIOD + FakeClock.OVERSHOOT + 1, "run " + i + " late");
    }
    assertEquals(99, pace.parks());
    assertEquals(100 * PERIOD, pace.scheduledNanos());
  }

  @Test
  void catchesUpBackToBackAfterAStallSoTheRateIsKept() {
    FakeClock clock = new FakeClock();
    List<Long> startedAt = new ArrayList<>();
    Pace pace = new PacedLoop(10_000, clock).run(1000, Long.MAX_VALUE, () -> {
      startedAt.add(clock.now);
      clock.now += startedAt.size() == 10 ? 5_000_000 : 10_000; // one 5 ms stall
    });

    // The 50 runs that fell due during the stall follow it without a park in between.
    for (int i = 10; i < 59; i++) {
      assertEquals(startedAt.get(i - 1) + (i == 10 ? 5_000_000 : 10_000), startedAt.get(i),
          "run " + i);
    }
    assertTrue(pace.maxLagNanos() >= 4_900_000, () -> "lag " + pace.maxLagNanos());
    assertEquals(1000, pace.runs());
    assertTrue(pace.elapsedNanos() <= pace.scheduledNanos() + FakeClock.OVERSHOOT,
        () -> pace.elapsedNanos() + " ns for " + pace.scheduledNanos() + " scheduled");
  }

  @Test
  void stopsAtTheMaximumWhenTheWorkCannotKeepUp() {
    FakeClock clock = new FakeClock();
    Pace pace = new PacedLoop(10_000, clock)
        .run(1000, 10_000_000, () -> clock.now += 200_000); // twice its share

    assertEquals(51, pace.runs()); // the runs that started by the 10 ms mark
    assertEquals(0, pace.parks());
    assertEquals(5_000, pace.achievedRate(), 1, () -> "rate " + pace.achievedRate());
  }

  @Test
  void keepsTheScheduleOnTheRealClockWithinAGenerousBound() {
    long[] runs = {0};
    Pace pace = new PacedLoop(10_000).run(1000, TimeUnit.SECONDS.toNanos(30), () -> runs[0]++);

    assertEquals(1000, runs[0]);
    assertEquals(1000, pace.runs());
    // Never early: the last run was due 99.9 ms after the first.
    assertTrue(pace.elapsedNanos() >= 99_900_000, () -> pace.elapsedNanos() + " ns");
    // Loaded 2-core machines pause threads, but not for 10 s.
    assertTrue(pace.elapsedNanos() < TimeUnit.SECONDS.toNanos(10),
        () -> pace.elapsedNanos() + " ns");
    assertTrue(pace.parks() > 0);
  }

  @Test
  void refusesRatesItCannotSchedule() {
    assertThrows(IllegalArgumentException.class, () -> new PacedLoop(0));
    assertThrows(IllegalArgumentException.class, () -> new PacedLoop(2_000_000_000L));
    assertThrows(IllegalArgumentException.class,
        () -> new PacedLoop(10).run(-1, Long.MAX_VALUE, () -> {}));
  }

  /** Time that moves only when the work says so, or when the loop parks (with an overshoot). */
  private static final class FakeClock implements PacedLoop.Clock {
    static final long OVERSHOOT = 7_000;
    long now;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void parkNanos(long nanos) {
      now += nanos + OVERSHOOT;
    }
  }
}
