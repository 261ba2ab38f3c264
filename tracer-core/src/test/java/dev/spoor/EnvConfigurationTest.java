package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.sampler.ConstSampler;
import dev.spoor.sampler.ProbabilisticSampler;
import dev.spoor.sampler.RateLimitingSampler;
import dev.spoor.sampler.RemoteSampler;
import io.opentracing.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvConfigurationTest {
  private final Map<String, String> env = new HashMap<>();

  private EnvConfigurationTest set(String name, String value) {
    env.put(name, value);
    return this;
  }

  private EnvConfiguration configuration() {
    return new EnvConfiguration(env::get);
  }

  private SpoorTracer tracer() {
    return configuration().builder().build();
  }

  private IllegalArgumentException failure() {
    return assertThrows(IllegalArgumentException.class, () -> configuration().builder());
  }

  @Test
  void readsTheServiceName() {
    set("JAEGER_SERVICE_NAME", " checkout ");
    try (SpoorTracer tracer = tracer()) {
      assertEquals("checkout", tracer.process().serviceName());
    }
  }

  @Test
  void aMissingServiceNameFailsNamingTheVariable() {
    IllegalArgumentException e = failure();
    assertTrue(e.getMessage().contains("JAEGER_SERVICE_NAME"), e.getMessage());
    set("JAEGER_SERVICE_NAME", "   ");
    assertTrue(failure().getMessage().contains("JAEGER_SERVICE_NAME"));
  }

  @Test
  void usesJaegerClientJavasDefaults() {
    set("JAEGER_SERVICE_NAME", "svc");
    try (SpoorTracer tracer = tracer()) {
      RemoteSampler sampler = (RemoteSampler) tracer.sampler();
      assertTrue(sampler.toString().contains("service=svc, endpoint=http://localhost:5778/sampling,"
          + " refresh=60000 ms, maxOperations=2000, initial=ProbabilisticSampler{0.001}"),
          sampler.toString());
      assertSame(tracer.metrics(), sampler.metrics(), "polls are counted in tracer.metrics()");
      assertFalse(tracer.traceId128Bit());
      assertFalse(tracer.isNoop());
    }
    EnvConfiguration.AgentSettings agent = configuration().agentSettings();
    assertEquals("localhost", agent.host);
    assertEquals(6831, agent.port);
    assertEquals(10_000, agent.maxQueueSize); // Spoor's own: 100 lost spans to bursts
    assertEquals(1000, agent.flushIntervalMillis);
    assertEquals(65000, agent.maxPacketSize);
  }

  @Test
  void readsTagsIncludingEnvironmentReferencesWithDefaults() {
    set("JAEGER_SERVICE_NAME", "svc")
        .set("JAEGER_TAGS", "env=prod, region=${REGION:eu-1},zone=${ZONE:z-default},pod=${POD}")
        .set("REGION", "us-2");
    try (SpoorTracer tracer = tracer()) {
      Map<String, Object> tags = tracer.process().tags();
      assertEquals("prod", tags.get("env"));
      assertEquals("us-2", tags.get("region"));
      assertEquals("z-default", tags.get("zone"));
      assertEquals("", tags.get("pod"));
    }
  }

  @Test
  void aTagWithoutEqualsFailsNamingTheVariableAndValue() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_TAGS", "env=prod,oops");
    IllegalArgumentException e = failure();
    assertTrue(e.getMessage().contains("JAEGER_TAGS"), e.getMessage());
    assertTrue(e.getMessage().contains("oops"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"const,1,true", "const,0,false", "CONST,true,true", "const,,true"})
  void readsTheConstSampler(String type, String param, boolean sampled) {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_SAMPLER_TYPE", type)
        .set("JAEGER_SAMPLER_PARAM", param);
    try (SpoorTracer tracer = tracer()) {
      assertTrue(tracer.sampler() instanceof ConstSampler);
      assertEquals(sampled, tracer.sampler().sample("op", 0L, 1L).isSampled());
    }
  }

  @Test
  void readsTheProbabilisticSampler() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_SAMPLER_TYPE", "probabilistic")
        .set("JAEGER_SAMPLER_PARAM", "0.25");
    try (SpoorTracer tracer = tracer()) {
      assertEquals(0.25, ((ProbabilisticSampler) tracer.sampler()).probability());
    }
  }

  @Test
  void aSamplerParamWithoutATypeIsTheRemoteSamplersInitialProbabilityAsInJaegerClientJava() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_SAMPLER_PARAM", "0.5");
    try (SpoorTracer tracer = tracer()) {
      assertTrue(tracer.sampler().toString().contains("initial=ProbabilisticSampler{0.5}"),
          tracer.sampler().toString());
    }
  }

  @Test
  void readsTheRemoteSamplerWithItsInitialProbability() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_SAMPLER_TYPE", "Remote")
        .set("JAEGER_SAMPLER_PARAM", "0.2");
    try (SpoorTracer tracer = tracer()) {
      assertTrue(tracer.sampler() instanceof RemoteSampler);
      assertTrue(tracer.sampler().toString().contains("initial=ProbabilisticSampler{0.2}"),
          tracer.sampler().toString());
    }
  }

  @Test
  void readsTheRateLimitingSampler() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_SAMPLER_TYPE", "ratelimiting")
        .set("JAEGER_SAMPLER_PARAM", "5");
    try (SpoorTracer tracer = tracer()) {
      assertEquals(5.0, ((RateLimitingSampler) tracer.sampler()).tracesPerSecond());
    }
  }

  @ParameterizedTest
  @CsvSource({
      "probabilistic, 1.7, JAEGER_SAMPLER_PARAM, 1.7",
      "probabilistic, -0.1, JAEGER_SAMPLER_PARAM, -0.1",
      "probabilistic, half, JAEGER_SAMPLER_PARAM, half",
      "remote, 2, JAEGER_SAMPLER_PARAM, 2",
      "ratelimiting, -1, JAEGER_SAMPLER_PARAM, -1",
      "const, 0.5, JAEGER_SAMPLER_PARAM, 0.5",
      "adaptive, 1, JAEGER_SAMPLER_TYPE, adaptive"})
  void aBadSamplerSettingFailsNamingTheVariableAndValue(
      String type, String param, String variable, String value) {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_SAMPLER_TYPE", type)
        .set("JAEGER_SAMPLER_PARAM", param);
    IllegalArgumentException e = failure();
    assertTrue(e.getMessage().contains(variable + "='" + value + "'"), e.getMessage());
  }

  @Test
  void readsTheTraceIdWidth() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_TRACEID_128BIT", "true");
    try (SpoorTracer tracer = tracer()) {
      assertTrue(tracer.traceId128Bit());
      assertEquals(32, tracer.buildSpan("op").start().context().toTraceId().length());
    }
    set("JAEGER_TRACEID_128BIT", "FALSE");
    try (SpoorTracer tracer = tracer()) {
      assertEquals(16, tracer.buildSpan("op").start().context().toTraceId().length());
    }
  }

  @Test
  void aBadBooleanFailsNamingTheVariableAndValue() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_TRACEID_128BIT", "yes");
    IllegalArgumentException e = failure();
    assertTrue(e.getMessage().contains("JAEGER_TRACEID_128BIT='yes'"), e.getMessage());
  }

  @Test
  void logsReportedSpansWhenAsked() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_SAMPLER_TYPE", "const")
        .set("JAEGER_SAMPLER_PARAM", "1").set("JAEGER_REPORTER_LOG_SPANS", "true");
    try (LogCapture log = new LogCapture("dev.spoor.reporter.LoggingReporter");
        SpoorTracer tracer = tracer()) {
      Span span = tracer.buildSpan("checkout").start();
      span.finish();
      assertEquals(List.of("Span reported: " + span.context() + " - checkout"), log.messages());
    }
  }

  @Test
  void readsTheAgentAndReporterSettings() {
    set("JAEGER_AGENT_HOST", "jaeger-agent.local").set("JAEGER_AGENT_PORT", "16831")
        .set("JAEGER_REPORTER_MAX_QUEUE_SIZE", "500").set("JAEGER_REPORTER_FLUSH_INTERVAL", "250")
        .set("JAEGER_REPORTER_MAX_PACKET_SIZE", "8000");
    EnvConfiguration.AgentSettings agent = configuration().agentSettings();
    assertEquals("jaeger-agent.local", agent.host);
    assertEquals(16831, agent.port);
    assertEquals(500, agent.maxQueueSize);
    assertEquals(250, agent.flushIntervalMillis);
    assertEquals(8000, agent.maxPacketSize);
  }

  @ParameterizedTest
  @CsvSource({
      "JAEGER_AGENT_PORT, abc", "JAEGER_AGENT_PORT, 0", "JAEGER_AGENT_PORT, 70000",
      "JAEGER_REPORTER_MAX_QUEUE_SIZE, -5", "JAEGER_REPORTER_FLUSH_INTERVAL, 1s",
      "JAEGER_REPORTER_MAX_PACKET_SIZE, 100000"})
  void aBadAgentSettingFailsNamingTheVariableAndValue(String variable, String value) {
    set("JAEGER_SERVICE_NAME", "svc").set(variable, value);
    IllegalArgumentException e = failure();
    assertTrue(e.getMessage().contains(variable + "='" + value + "'"), e.getMessage());
  }

  @Test
  void readsThePropagationFormats() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_PROPAGATION", "jaeger");
    try (SpoorTracer tracer = tracer()) {
      Map<String, String> headers = new HashMap<>();
      tracer.inject(tracer.buildSpan("op").start().context(),
          io.opentracing.propagation.Format.Builtin.HTTP_HEADERS,
          new io.opentracing.propagation.TextMapAdapter(headers));
      assertEquals(java.util.Set.of("uber-trace-id"), headers.keySet());
    }
  }

  @Test
  void anUnknownPropagationFormatFailsNamingTheVariableAndValue() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_PROPAGATION", "nosuchformat");
    IllegalArgumentException e = failure();
    assertTrue(e.getMessage().contains("JAEGER_PROPAGATION='nosuchformat'"), e.getMessage());
  }

  @Test
  void aDisabledTracerNeedsNoServiceNameAndRecordsNothing() {
    set("JAEGER_DISABLED", "true").set("JAEGER_SAMPLER_TYPE", "const")
        .set("JAEGER_SAMPLER_PARAM", "1");
    try (SpoorTracer tracer = tracer()) {
      assertTrue(tracer.isNoop());
      Span span = tracer.buildSpan("op").start();
      span.setTag("k", "v");
      span.finish();
      assertFalse(((SpoorSpanContext) span.context()).isSampled());
      assertEquals(0, ((FinishedSpan) span).tagCount());
    }
  }

  @Test
  void aDisabledTracerStillPropagatesIds() {
    set("JAEGER_DISABLED", "true");
    InMemoryReporter reporter = new InMemoryReporter();
    try (SpoorTracer tracer = configuration().builder().reporter(reporter).build()) {
      Span parent = tracer.buildSpan("parent").start();
      Span child = tracer.buildSpan("child").asChildOf(parent).start();
      child.finish();
      parent.finish();
      assertEquals(parent.context().toTraceId(), child.context().toTraceId());
      assertEquals(0, reporter.size());
    }
  }

  @Test
  void aFalseDisabledFlagKeepsTheTracerOn() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_DISABLED", "false");
    try (SpoorTracer tracer = tracer()) {
      assertFalse(tracer.isNoop());
    }
  }

  @Test
  void closesOnShutdownAsJaegerClientJavaDoes() {
    set("JAEGER_SERVICE_NAME", "svc");
    assertTrue(configuration().builder().closeOnShutdown);
    set("JAEGER_DISABLED", "true");
    assertFalse(configuration().builder().closeOnShutdown);
  }

  @Test
  void theSamplingEndpointConfiguresTheRemoteSamplerWithoutAWarning() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_SAMPLING_ENDPOINT", "http://agent:5778/sampling");
    try (LogCapture log = new LogCapture(EnvConfiguration.class.getName());
        SpoorTracer tracer = tracer()) {
      assertEquals(List.of(), log.warnings());
      assertTrue(tracer.sampler().toString().contains("endpoint=http://agent:5778/sampling"),
          tracer.sampler().toString());
    }
  }
}
