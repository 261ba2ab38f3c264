package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessTagsTest {

  @Test
  void addsHostnameIpAndTheClientVersion() throws Exception {
    try (SpoorTracer tracer = SpoorTracer.builder("svc").build()) {
      Map<String, Object> tags = tracer.process().tags();
      InetAddress local = InetAddress.getLocalHost();
      assertEquals(local.getHostName(), tags.get("hostname"));
      assertEquals(local.getHostAddress(), tags.get("ip"));
      assertEquals("Spoor-Java-" + expectedVersion(), tags.get("jaeger.version"));
    }
  }

  @Test
  void theVersionComesFromTheFilteredVersionProperties() {
    String version = expectedVersion();
    assertNotNull(version, "surefire passes the project version");
    assertEquals(version, ProcessTags.VERSION);
    assertFalse(ProcessTags.VERSION.contains("${"), ProcessTags.VERSION);
  }

  @Test
  void userTagsAreAddedAndMayOverrideTheDefaults() {
    try (SpoorTracer tracer = SpoorTracer.builder("svc")
        .withTag("env", "prod").withTag("replicas", 3).withTag("canary", true)
        .withTag("hostname", "pod-7").build()) {
      Map<String, Object> tags = tracer.process().tags();
      assertEquals("prod", tags.get("env"));
      assertEquals(3, tags.get("replicas"));
      assertEquals(true, tags.get("canary"));
      assertEquals("pod-7", tags.get("hostname"));
      assertEquals("svc", tracer.process().serviceName());
    }
  }

  private static String expectedVersion() {
    return System.getProperty("spoor.expectedVersion");
  }
}
