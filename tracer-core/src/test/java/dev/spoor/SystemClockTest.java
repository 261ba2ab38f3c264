package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.reporter.InMemoryReporter;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SystemClockTest {
  // A generous safety bound: the anchor is renewed every second and NTP slews by at most 0.05 %.
  private static final long BOUND_MICROS = TimeUnit.SECONDS.toMicros(1);

  private static long instantMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  @Test
  void epochTimeStaysCloseToInstantNow() {
    for (int i = 0; i < 1_000; i++) {
      long before = instantMicros();
      long micros = Clock.SYSTEM.currentTimeMicros();
      long after = instantMicros();
      assertTrue(micros >= before - BOUND_MICROS && micros <= after + BOUND_MICROS,
          before + " <= " + micros + " <= " + after);
    }
  }

  @Test
  void epochTimeAdvancesExactlyWithNanoTime() {
    SystemClock clock = new SystemClock(); // a fresh anchor: no renewal within this test
    long nanos = clock.nanoTime();
    long start = clock.epochMicrosAt(nanos);
    assertEquals(start + 250, clock.epochMicrosAt(nanos + 250_000));
    assertEquals(start + 2, clock.epochMicrosAt(nanos + 2_000));
  }

  @Test
  void theAnchorIsRenewedAfterASecondSoThatAWallClockStepShows() {
    AtomicLong nanos = new AtomicLong(42_000_000_000L);
    AtomicLong wallMicros = new AtomicLong(1_700_000_000_000_000L);
    SystemClock clock = new SystemClock(nanos::get, wallMicros::get);
    assertEquals(1_700_000_000_000_000L, clock.currentTimeMicros());

    nanos.addAndGet(500_000_000L); // half a second on both clocks...
    wallMicros.addAndGet(500_000L);
    wallMicros.addAndGet(-60_000_000L); // ...and NTP steps the wall clock back a minute
    assertEquals(1_700_000_000_500_000L, clock.epochMicrosAt(nanos.get()),
        "within the second the anchor still serves: derived from nanoTime");

    nanos.addAndGet(SystemClock.ANCHOR_NANOS); // one more second on both clocks
    wallMicros.addAndGet(1_000_000L);
    assertEquals(wallMicros.get(), clock.epochMicrosAt(nanos.get()),
        "after a second the clock re-anchors and shows the step");
    assertEquals(wallMicros.get() + 3, clock.epochMicrosAt(nanos.get() + 3_000),
        "and derives from the new anchor");
  }

  @Test
  void aClockOtherThanTheSystemsGivesItsWallTimeForAStart() {
    ManualClock manual = new ManualClock(1_000_000L);
    assertEquals(1_000_000L, manual.epochMicrosAt(manual.nanoTime()));
    manual.stepWallClockMicros(5);
    assertEquals(1_000_005L, manual.epochMicrosAt(manual.nanoTime()));
  }

  @Test
  void aSpanOnTheSystemClockStartsNowAndMeasuresItsDurationWithNanoTime() {
    try (SpoorTracer tracer = SpoorTracer.builder("svc")
        .reporter(new InMemoryReporter()).build()) {
      long before = instantMicros();
      SpoorSpan span = (SpoorSpan) tracer.buildSpan("op").start();
      long after = instantMicros();
      span.finish();
      assertTrue(span.startMicros() >= before - BOUND_MICROS
          && span.startMicros() <= after + BOUND_MICROS, String.valueOf(span.startMicros()));
      assertTrue(span.durationMicros() >= 0 && span.durationMicros() < BOUND_MICROS);
    }
  }
}
