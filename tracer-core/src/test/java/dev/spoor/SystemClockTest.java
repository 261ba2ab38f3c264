package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.reporter.InMemoryReporter;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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
