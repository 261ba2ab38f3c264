package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.metrics.Metric;
import dev.spoor.reporter.AgentReceiver;
import dev.spoor.reporter.CompositeReporter;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.reporter.RemoteReporter;
import dev.spoor.scope.MdcScopeManager;
import io.opentracing.Scope;
import io.opentracing.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * {@link SpoorTracer#builderFromEnv()}: a builder preloaded from the variables that the caller can
 * still change, and the one line a tracer built from the environment logs at start.
 */
class BuilderFromEnvTest {
  private final Map<String, String> env = new HashMap<>();

  private BuilderFromEnvTest set(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** The test seam under {@code builderFromEnv()}: the same code, another map of variables. */
  private SpoorTracerBuilder builderFromEnv() {
    return new EnvConfiguration(env::get).builder();
  }

  private void agentAt(AgentReceiver agent) {
    set("JAEGER_SERVICE_NAME", "orders").set("JAEGER_SAMPLER_TYPE", "const")
        .set("JAEGER_SAMPLER_PARAM", "1").set("JAEGER_AGENT_HOST", "127.0.0.1")
        .set("JAEGER_AGENT_PORT", Integer.toString(agent.port()))
        .set("JAEGER_REPORTER_FLUSH_INTERVAL", "10");
  }

  private static long reporterThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("spoor-reporter")).count();
  }

  @Test
  void otherMdcKeysOnATracerThatOtherwiseComesFromTheVariables() throws Exception {
    try (AgentReceiver agent = new AgentReceiver()) {
      agentAt(agent);
      try (SpoorTracer tracer = builderFromEnv()
          .scopeManager(new MdcScopeManager("traceID", "spanID", "sampled"))
          .build()) {
        Span span = tracer.buildSpan("get-order").start();
        try (Scope scope = tracer.activateSpan(span)) {
          assertEquals(span.context().toTraceId(), MDC.get("traceID"));
          assertEquals(span.context().toSpanId(), MDC.get("spanID"));
          assertEquals(null, MDC.get("traceId"));
        } finally {
          span.finish();
        }
        assertEquals("get-order", agent.awaitSpans(1).get(0).getOperationName());
        assertEquals("orders", tracer.process().serviceName());
        assertFalse(tracer.traceId128Bit(), "still jaeger-client-java's default");
      }
    }
  }

  @Test
  void anAddedReporterGetsEverySpanNextToTheOneTheVariablesChose() throws Exception {
    try (AgentReceiver agent = new AgentReceiver()) {
      agentAt(agent);
      InMemoryReporter memory = new InMemoryReporter();
      try (SpoorTracer tracer = builderFromEnv().addReporter(memory).build()) {
        for (int i = 0; i < 3; i++) {
          tracer.buildSpan("span-" + i).start().finish();
        }
        assertEquals(3, agent.awaitSpans(3).size());
        assertEquals(3, memory.size());
        CompositeReporter composite = assertInstanceOf(CompositeReporter.class, tracer.reporter());
        assertInstanceOf(RemoteReporter.class, composite.reporters().get(0));
        assertSame(memory, composite.reporters().get(1));
        AgentReceiver.awaitTrue(() -> tracer.metrics().get(Metric.SPANS_SENT) == 3,
            tracer::toString);
      }
    }
  }

  @Test
  void aReporterSetInsteadReplacesTheVariablesOneWhichNeverStarts() {
    set("JAEGER_SERVICE_NAME", "orders");
    InMemoryReporter memory = new InMemoryReporter();
    long before = reporterThreads();
    try (SpoorTracer tracer = builderFromEnv().reporter(memory).build()) {
      assertSame(memory, tracer.reporter());
      assertEquals(before, reporterThreads(), "the replaced RemoteReporter started a thread");
      tracer.buildSpan("kept").start().finish();
      assertEquals(0, memory.size(), "fromEnv's default sampler still decides: 0.1 %, remote");
    }
  }

  @Test
  void theVariablesAreCheckedWhenTheBuilderIsMade() {
    set("JAEGER_SERVICE_NAME", "orders").set("JAEGER_AGENT_PORT", "port");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        this::builderFromEnv);
    assertEquals("Invalid JAEGER_AGENT_PORT='port': expected an integer", e.getMessage());
  }

  @Test
  void aSenderFactoryOtherThanJaegerClientJavasThriftFailsSayingWhatToDo() {
    set("JAEGER_SERVICE_NAME", "orders").set("JAEGER_SENDER_FACTORY", "thrift");
    try (SpoorTracer tracer = builderFromEnv().build()) {
      assertInstanceOf(RemoteReporter.class, tracer.reporter(), "thrift: what Spoor does anyway");
    }
    set("JAEGER_SENDER_FACTORY", "com.example.KafkaSenderFactory");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        this::builderFromEnv);
    assertTrue(e.getMessage().startsWith("Invalid JAEGER_SENDER_FACTORY="
        + "'com.example.KafkaSenderFactory': Spoor has no sender factories"), e.getMessage());
    assertTrue(e.getMessage().contains("RemoteReporter.builder().sender(yours)"), e.getMessage());
  }

  @Test
  void systemPropertiesSeedTheRealBuilderFromEnv() {
    System.setProperty("JAEGER_SERVICE_NAME", "from-property");
    try (SpoorTracer tracer = SpoorTracer.builderFromEnv().traceId128Bit(true)
        .reporter(new InMemoryReporter()).build()) {
      assertEquals("from-property", tracer.process().serviceName());
      assertTrue(tracer.traceId128Bit());
    } finally {
      System.clearProperty("JAEGER_SERVICE_NAME");
    }
  }

  @Test
  void aServiceNameGivenInCodeWinsOverTheVariablesAsInConfigurationFromEnv() {
    set("JAEGER_SERVICE_NAME", "from-variable").set("OTEL_SERVICE_NAME", "from-otel");
    try (SpoorTracer tracer = new EnvConfiguration(env::get).builder("from-code")
        .reporter(new InMemoryReporter()).build()) {
      assertEquals("from-code", tracer.process().serviceName());
    }
    env.clear(); // and it is enough without any variable
    try (SpoorTracer tracer = new EnvConfiguration(env::get).builder("from-code")
        .reporter(new InMemoryReporter()).build()) {
      assertEquals("from-code", tracer.process().serviceName());
    }
    assertEquals("serviceName is blank", assertThrows(IllegalArgumentException.class,
        () -> SpoorTracer.builderFromEnv(" ")).getMessage());
  }

  @Test
  void theStartLineGivesTheEffectiveSettings() {
    set("JAEGER_SERVICE_NAME", "orders").set("JAEGER_SAMPLER_TYPE", "const")
        .set("JAEGER_SAMPLER_PARAM", "1").set("JAEGER_AGENT_HOST", "jaeger-agent")
        .set("JAEGER_REPORTER_MAX_QUEUE_SIZE", "500");
    // Without propagation-http on the class path the default jaeger,w3c is jaeger alone.
    try (SpoorTracer tracer = builderFromEnv().build()) {
      assertEquals("Initialized tracer=SpoorTracer{service=orders, sampler=ConstSampler{true}, "
          + "reporter=RemoteReporter{sender=UdpSender{agent=jaeger-agent:6831, "
          + "maxPacketSize=65000}, maxQueueSize=500, flushIntervalMillis=1000}, "
          + "propagation=jaeger, traceId128Bit=false, closeOnShutdown=true}",
          tracer.startLine());
    }
  }

  @Test
  void theStartLineNeverShowsACredential() {
    set("JAEGER_SERVICE_NAME", "orders").set("JAEGER_ENDPOINT", "http://collector:14268/api/traces")
        .set("JAEGER_USER", "shop").set("JAEGER_PASSWORD", "hunter2");
    try (SpoorTracer tracer = builderFromEnv().build()) {
      String line = tracer.startLine();
      assertTrue(line.contains("JaegerHttpSender{endpoint=http://collector:14268/api/traces, "
          + "auth=basic"), line);
      assertFalse(line.contains("hunter2"), line);
    }
    env.clear();
    set("JAEGER_SERVICE_NAME", "orders").set("JAEGER_ENDPOINT", "http://collector:14268/api/traces")
        .set("JAEGER_AUTH_TOKEN", "t0ken");
    try (SpoorTracer tracer = builderFromEnv().build()) {
      assertTrue(tracer.startLine().contains("auth=bearer"), tracer.startLine());
      assertFalse(tracer.startLine().contains("t0ken"), tracer.startLine());
    }
    env.clear();
    set("JAEGER_SERVICE_NAME", "orders")
        .set("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4318")
        .set("OTEL_EXPORTER_OTLP_HEADERS", "api-key=s3cret");
    try (SpoorTracer tracer = builderFromEnv().build()) {
      String line = tracer.startLine();
      assertTrue(line.contains("OtlpHttpSender{endpoint=http://"), line);
      assertTrue(line.contains("api-key"), "the header's name is shown: " + line);
      assertFalse(line.contains("s3cret"), line);
    }
  }

  @Test
  void buildLogsTheStartLineOnceAtInfoWithTheOverridesApplied() {
    set("JAEGER_SERVICE_NAME", "orders").set("OTEL_TRACES_EXPORTER", "none");
    try (LogCapture log = new LogCapture(SpoorTracerBuilder.class.getName());
        SpoorTracer tracer = builderFromEnv().traceId128Bit(true).build()) {
      assertEquals(List.of(tracer.startLine()), log.messages());
      assertEquals("INFO", log.events().get(0).getLevel().toString());
      assertTrue(tracer.startLine().contains(
          "reporter=none (OTEL_TRACES_EXPORTER=none: spans are not sent)"), tracer.startLine());
      assertTrue(tracer.startLine().contains("traceId128Bit=true"), tracer.startLine());
    }
  }

  @Test
  void aTracerFromBuilderLogsNoStartLine() {
    try (LogCapture log = new LogCapture(SpoorTracerBuilder.class.getName());
        SpoorTracer tracer = SpoorTracer.builder("quiet").reporter(new InMemoryReporter())
            .build()) {
      assertEquals(List.of(), log.messages());
    }
  }
}
