package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code Duration} settings mean what their {@code (long, TimeUnit)} twins mean. */
class DurationSettingsTest {
  private static final String COLLECTOR = "http://127.0.0.1:9/api/traces";
  private static final String OTLP = "http://127.0.0.1:9/v1/traces";

  @Test
  void aDurationFlushIntervalIsTheSameSettingAsTheTimeUnitOne() {
    RemoteReporter byDuration = RemoteReporter.builder()
        .sender(UdpSender.builder().build()).flushInterval(Duration.ofMillis(250)).build();
    RemoteReporter byUnit = RemoteReporter.builder()
        .sender(UdpSender.builder().build()).flushInterval(250, TimeUnit.MILLISECONDS).build();
    try {
      assertTrue(byDuration.toString().contains("flushIntervalMillis=250"), byDuration.toString());
      assertEquals(byUnit.toString(), byDuration.toString());
    } finally {
      byDuration.close();
      byUnit.close();
    }
  }

  @Test
  void aDurationTimeoutIsTheSameSettingAsTheTimeUnitOne() {
    assertEquals(
        OtlpHttpSender.builder(OTLP).timeout(1500, TimeUnit.MILLISECONDS).build().toString(),
        OtlpHttpSender.builder(OTLP).timeout(Duration.ofMillis(1500)).build().toString());
    assertTrue(OtlpHttpSender.builder(OTLP).timeout(Duration.ofSeconds(2)).build().toString()
        .contains("timeoutMillis=2000"));
  }

  @Test
  void durationsShorterThanAMillisecondOrNullAreRejectedByName() {
    RemoteReporter.Builder reporter = RemoteReporter.builder();
    IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
        () -> reporter.closeTimeout(Duration.ofNanos(999_999)));
    assertTrue(tooShort.getMessage().startsWith("closeTimeout must be at least 1 ms"),
        tooShort.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> reporter.flushInterval(Duration.ofMillis(-5)));
    NullPointerException missing = assertThrows(NullPointerException.class,
        () -> JaegerHttpSender.builder(COLLECTOR).timeout((Duration) null));
    assertEquals("timeout == null", missing.getMessage());
  }

  @Test
  void aHugeDurationSaturatesInsteadOfOverflowing() {
    String sender = JaegerHttpSender.builder(COLLECTOR)
        .timeout(Duration.ofSeconds(Long.MAX_VALUE)).build().toString();
    assertTrue(sender.contains(String.valueOf(Integer.MAX_VALUE)), sender);
  }
}
