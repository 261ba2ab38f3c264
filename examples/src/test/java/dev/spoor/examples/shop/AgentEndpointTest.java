package dev.spoor.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentEndpointTest {
  @Test
  void choosesTheInProcessAgentWhenNoHostIsSet() {
    assertNull(AgentEndpoint.external(name -> null));
    assertNull(AgentEndpoint.external(Map.of("JAEGER_AGENT_HOST", "  ")::get));
  }

  @Test
  void usesTheNamedAgentOnTheDefaultPort() {
    AgentEndpoint endpoint = AgentEndpoint.external(Map.of("JAEGER_AGENT_HOST", "jaeger")::get);

    assertEquals("jaeger", endpoint.host());
    assertEquals(6831, endpoint.port());
    assertFalse(endpoint.inProcess());
  }

  @Test
  void usesTheNamedPort() {
    assertEquals(6832, AgentEndpoint.external(
        Map.of("JAEGER_AGENT_HOST", "localhost", "JAEGER_AGENT_PORT", "6832")::get).port());
  }

  @Test
  void rejectsAPortThatIsNotOne() {
    assertThrows(IllegalArgumentException.class, () -> AgentEndpoint.external(
        Map.of("JAEGER_AGENT_HOST", "localhost", "JAEGER_AGENT_PORT", "udp")::get));
    assertThrows(IllegalArgumentException.class, () -> AgentEndpoint.external(
        Map.of("JAEGER_AGENT_HOST", "localhost", "JAEGER_AGENT_PORT", "70000")::get));
  }

  @Test
  void anOtlpEndpointWinsOverTheAgentAndIsReportedToOverOtlp() {
    AgentEndpoint endpoint = AgentEndpoint.external(Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318",
        "JAEGER_AGENT_HOST", "jaeger")::get);
    assertEquals("localhost", endpoint.host());
    assertEquals(4318, endpoint.port());
    assertEquals("http://localhost:4318", endpoint.otlpEndpoint());
    dev.spoor.reporter.Reporter reporter = new RemoteSpanReporting(endpoint).reporter("shop");
    try {
      org.junit.jupiter.api.Assertions.assertTrue(reporter.toString().contains(
          "OtlpHttpSender{endpoint=http://localhost:4318/v1/traces"), reporter::toString);
    } finally {
      reporter.close();
    }
    assertThrows(IllegalArgumentException.class, () -> AgentEndpoint.external(
        Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "not a url")::get));
  }
}
