package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.sampler.ProbabilisticSampler;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SpoorTracer#fromEnv()} reads Java system properties, which win over the environment. */
class FromEnvTest {
  private static final List<String> USED = List.of(
      "JAEGER_SERVICE_NAME", "JAEGER_SAMPLER_TYPE", "JAEGER_SAMPLER_PARAM", "JAEGER_TAGS",
      "JAEGER_TRACEID_128BIT", "JAEGER_AGENT_PORT", "SPOOR_TEST_REGION");

  @AfterEach
  void clearProperties() {
    USED.forEach(System::clearProperty);
  }

  @Test
  void buildsATracerFromSystemProperties() {
    System.setProperty("JAEGER_SERVICE_NAME", "from-property");
    System.setProperty("JAEGER_SAMPLER_TYPE", "probabilistic");
    System.setProperty("JAEGER_SAMPLER_PARAM", "0.75");
    System.setProperty("JAEGER_TRACEID_128BIT", "true");
    System.setProperty("SPOOR_TEST_REGION", "eu-west");
    System.setProperty("JAEGER_TAGS", "region=${SPOOR_TEST_REGION:none}");
    try (SpoorTracer tracer = SpoorTracer.fromEnv()) {
      assertEquals("from-property", tracer.process().serviceName());
      assertEquals(0.75, ((ProbabilisticSampler) tracer.sampler()).probability());
      assertTrue(tracer.traceId128Bit());
      assertEquals("eu-west", tracer.process().tags().get("region"));
    }
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironmentVariable() {
    // PATH is set in every environment; a property of the same name must win when resolving tags.
    System.setProperty("JAEGER_SERVICE_NAME", "svc");
    System.setProperty("JAEGER_TAGS", "path=${PATH}");
    System.setProperty("PATH", "from-property");
    try (SpoorTracer tracer = SpoorTracer.fromEnv()) {
      assertEquals("from-property", tracer.process().tags().get("path"));
    } finally {
      System.clearProperty("PATH");
    }
  }

  @Test
  void aBadPropertyFailsNamingTheVariableAndValue() {
    System.setProperty("JAEGER_SERVICE_NAME", "svc");
    System.setProperty("JAEGER_AGENT_PORT", "abc");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, SpoorTracer::fromEnv);
    assertTrue(e.getMessage().contains("JAEGER_AGENT_PORT='abc'"), e.getMessage());
  }
}
