package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.sampler.ProbabilisticSampler;
import dev.spoor.sampler.RemoteSampler;
import dev.spoor.sampler.Sampler;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The remote sampler's variables: endpoint, refresh interval, operation limit. */
class EnvSamplerTest {
  private final Map<String, String> env = new HashMap<>();

  private EnvSamplerTest set(String name, String value) {
    env.put(name, value);
    return this;
  }

  private EnvSampler sampler() {
    return new EnvSampler(new EnvConfiguration(env::get));
  }

  private Sampler build() {
    return sampler().sampler("svc", new SpoorMetrics());
  }

  private IllegalArgumentException failure() {
    return assertThrows(IllegalArgumentException.class, this::build);
  }

  @Test
  void theEndpointDefaultsToTheLocalAgent() {
    assertEquals("http://localhost:5778/sampling", sampler().endpoint());
  }

  @Test
  void aHostAndPortIsAskedAtSampling() {
    set("JAEGER_SAMPLER_MANAGER_HOST_PORT", "jaeger-agent:5778");
    assertEquals("http://jaeger-agent:5778/sampling", sampler().endpoint());
    set("JAEGER_SAMPLER_MANAGER_HOST_PORT", "[::1]:15778");
    assertEquals("http://[::1]:15778/sampling", sampler().endpoint());
  }

  @Test
  void theSamplingEndpointWinsOverTheHostAndPortAndSaysSo() {
    set("JAEGER_SAMPLING_ENDPOINT", "https://sampling.example:443/api/sampling")
        .set("JAEGER_SAMPLER_MANAGER_HOST_PORT", "jaeger-agent:5778");
    try (LogCapture log = new LogCapture(EnvConfiguration.class.getName())) {
      assertEquals("https://sampling.example:443/api/sampling", sampler().endpoint());
      assertEquals(List.of("JAEGER_SAMPLING_ENDPOINT and JAEGER_SAMPLER_MANAGER_HOST_PORT are "
          + "both set: JAEGER_SAMPLING_ENDPOINT wins, JAEGER_SAMPLER_MANAGER_HOST_PORT is ignored"),
          log.messages());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://agent:5778", "agent", "agent:0", "agent:99999", "user@agent:5778",
      "agent:5778/sampling", "agent:5778?x=1", "agent:port"})
  void aBadHostAndPortFailsNamingTheVariable(String hostPort) {
    set("JAEGER_SAMPLER_MANAGER_HOST_PORT", hostPort);
    IllegalArgumentException e = failure();
    assertTrue(e.getMessage().startsWith("Invalid JAEGER_SAMPLER_MANAGER_HOST_PORT='" + hostPort
        + "': expected host:port"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"agent:5778", "ftp://agent/x", "http://", "not a url",
      "gopher://admin:hunter2@agent:5778/"})
  void aBadEndpointFailsNamingTheVariableWithoutShowingCredentials(String endpoint) {
    set("JAEGER_SAMPLING_ENDPOINT", endpoint);
    IllegalArgumentException e = failure();
    assertTrue(e.getMessage().startsWith("Invalid JAEGER_SAMPLING_ENDPOINT: "), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"1500, PT1.5S", "500ms, PT0.5S", "1m30s, PT1M30S", "2h, PT2H", "1.5s, PT1.5S",
      "+3s, PT3S", "1h2m3s4ms, PT1H2M3.004S", "250000us, PT0.25S", "2000000ns, PT0.002S",
      "1\u00b5s1ms, PT0.001001S", ".5m, PT30S"})
  void theRefreshIntervalIsMillisecondsOrAGoDuration(String value, String expected) {
    set("JAEGER_SAMPLER_REFRESH_INTERVAL", value);
    assertEquals(Duration.parse(expected), sampler().refreshInterval());
  }

  @Test
  void theRefreshIntervalDefaultsToAMinute() {
    assertEquals(Duration.ofSeconds(60), sampler().refreshInterval());
    Sampler remote = build();
    assertTrue(remote.toString().contains("refresh=60000 ms"), remote.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "10x", "-5s", "0", "0ms", "500us", "1h-", "ms", ".", "1.2.3s",
      "99999999999999999999", "9999999999h", "5 s", "1e3"})
  void aBadRefreshIntervalFailsNamingTheVariableAndValue(String value) {
    set("JAEGER_SAMPLER_REFRESH_INTERVAL", value);
    IllegalArgumentException e = failure();
    assertTrue(e.getMessage().startsWith("Invalid JAEGER_SAMPLER_REFRESH_INTERVAL='" + value + "'"),
        e.getMessage());
  }

  @Test
  void readsTheOperationLimit() {
    set("JAEGER_SAMPLER_MAX_OPERATIONS", "50");
    assertTrue(build().toString().contains("maxOperations=50"), build().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "abc", "100001", "1.5"})
  void aBadOperationLimitFailsNamingTheVariableAndValue(String value) {
    set("JAEGER_SAMPLER_MAX_OPERATIONS", value);
    IllegalArgumentException e = failure();
    assertTrue(e.getMessage().contains("JAEGER_SAMPLER_MAX_OPERATIONS='" + value + "'"),
        e.getMessage());
  }

  @Test
  void remoteSettingsWithAnotherSamplerTypeAreIgnoredWithAWarning() {
    set("JAEGER_SAMPLER_TYPE", "probabilistic").set("JAEGER_SAMPLING_ENDPOINT", "http://a:1/s");
    try (LogCapture log = new LogCapture(EnvConfiguration.class.getName())) {
      assertTrue(build() instanceof ProbabilisticSampler);
      assertEquals(List.of("JAEGER_SAMPLING_ENDPOINT is set but only used when "
          + "JAEGER_SAMPLER_TYPE=remote; it is probabilistic"), log.messages());
    }
  }

  @Test
  void aDisabledTracerGetsTheInitialProbabilityAndPollsNothing() {
    set("JAEGER_SAMPLER_TYPE", "remote").set("JAEGER_SAMPLER_PARAM", "0.3");
    Sampler sampler = sampler().sampler("svc", null);
    assertEquals(0.3, ((ProbabilisticSampler) sampler).probability());
  }

  @Test
  void theRemoteSamplerIsBuiltFromAllItsVariables() {
    set("JAEGER_SAMPLER_TYPE", "remote").set("JAEGER_SAMPLER_PARAM", "0.25")
        .set("JAEGER_SAMPLER_MANAGER_HOST_PORT", "agent:5778")
        .set("JAEGER_SAMPLER_REFRESH_INTERVAL", "30s").set("JAEGER_SAMPLER_MAX_OPERATIONS", "7");
    RemoteSampler sampler = (RemoteSampler) build();
    assertEquals("RemoteSampler{service=svc, endpoint=http://agent:5778/sampling, refresh=30000 ms,"
        + " maxOperations=7, initial=ProbabilisticSampler{0.25}, current=ProbabilisticSampler{0.25}}",
        sampler.toString());
    sampler.close();
  }
}
