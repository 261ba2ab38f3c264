package dev.spoor.examples.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.spoor.examples.logging.LogfmtLayout;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No container engine runs in the build, so the stack is checked as data: each file parses as
 * YAML, the services expose what the demo uses, mounts point at files that exist, and the Loki
 * derived field matches the lines {@link LogfmtLayout} writes.
 */
class ComposeStackFilesTest {
  /** Surefire runs in the module directory, where docker-compose.yml lives. */
  private static final Path MODULE = Path.of("").toAbsolutePath();

  @Test
  void composeRunsJaegerLokiPromtailAndGrafanaWithTheDemoPorts() throws IOException {
    Map<String, Object> services = map(load("docker-compose.yml").get("services"));
    assertEquals(Set.of("jaeger", "loki", "promtail", "grafana"), services.keySet());

    Map<String, Object> jaeger = map(services.get("jaeger"));
    assertEquals("jaegertracing/jaeger:2.21.0", jaeger.get("image"));
    assertEquals(Set.of("6831:6831/udp", "4318:4318", "16686:16686"), set(jaeger.get("ports")),
        "agent UDP, OTLP/HTTP and the UI");
    assertEquals(Map.of("JAEGER_LISTEN_HOST", "0.0.0.0"), jaeger.get("environment"));

    Map<String, Object> loki = map(services.get("loki"));
    assertEquals("grafana/loki:3.5.0", loki.get("image"));
    assertEquals(Set.of("3100:3100"), set(loki.get("ports")));
    assertEquals(List.of("-config.file=/etc/loki/local-config.yaml"), loki.get("command"));

    Map<String, Object> promtail = map(services.get("promtail"));
    assertEquals("grafana/promtail:3.5.0", promtail.get("image"));
    assertEquals(List.of("-config.file=/etc/promtail/promtail.yml"), promtail.get("command"));
    assertEquals(Set.of("./promtail/promtail.yml:/etc/promtail/promtail.yml:ro",
        "./logs:/var/log/spoor:ro"), set(promtail.get("volumes")));
    assertEquals(Set.of("loki"), set(promtail.get("depends_on")));
    assertNull(promtail.get("ports"), "promtail pushes; it publishes nothing");

    Map<String, Object> grafana = map(services.get("grafana"));
    assertEquals("grafana/grafana:11.6.0", grafana.get("image"));
    assertEquals(Set.of("3000:3000"), set(grafana.get("ports")));
    assertEquals(Map.of("GF_AUTH_ANONYMOUS_ENABLED", "true",
        "GF_AUTH_ANONYMOUS_ORG_ROLE", "Admin",
        "GF_AUTH_DISABLE_LOGIN_FORM", "true"), grafana.get("environment"));
    assertEquals(Set.of("./grafana/provisioning:/etc/grafana/provisioning:ro"),
        set(grafana.get("volumes")));
    assertEquals(Set.of("jaeger", "loki"), set(grafana.get("depends_on")));
  }

  @Test
  void everyBindMountPointsAtAFileOrDirectoryOfTheRepository() throws IOException {
    Map<String, Object> services = map(load("docker-compose.yml").get("services"));

    int mounts = 0;
    for (Object service : services.values()) {
      Object volumes = map(service).get("volumes");
      if (volumes == null) {
        continue;
      }
      for (Object volume : list(volumes)) {
        String source = String.valueOf(volume).split(":")[0];
        assertTrue(source.startsWith("./"), "relative to the compose file: " + volume);
        assertTrue(Files.exists(MODULE.resolve(source)), "missing " + source);
        mounts++;
      }
    }
    assertEquals(3, mounts);
  }

  @Test
  void promtailTailsTheMountedLogDirectoryAndPushesToLoki() throws IOException {
    Map<String, Object> promtail = load("promtail/promtail.yml");

    Map<String, Object> client = map(list(promtail.get("clients")).get(0));
    assertEquals("http://loki:3100/loki/api/v1/push", client.get("url"));
    Map<String, Object> job = map(list(promtail.get("scrape_configs")).get(0));
    Map<String, Object> labels =
        map(map(list(job.get("static_configs")).get(0)).get("labels"));
    assertEquals("spoor-demo", labels.get("job"));
    assertEquals("/var/log/spoor/*.log", labels.get("__path__"));
  }

  @Test
  void lokiDerivedFieldLinksTheTraceIdOfALogfmtLineToTheJaegerDataSource() throws IOException {
    List<Object> sources = list(load("grafana/provisioning/datasources/datasources.yml")
        .get("datasources"));
    Map<String, Object> jaeger = byType(sources, "jaeger");
    Map<String, Object> loki = byType(sources, "loki");
    assertEquals("http://jaeger:16686", jaeger.get("url"));
    assertEquals("http://loki:3100", loki.get("url"));

    Map<String, Object> derived = map(list(map(loki.get("jsonData")).get("derivedFields")).get(0));
    assertEquals("traceID=(\\w+)", derived.get("matcherRegex"));
    assertEquals(jaeger.get("uid"), derived.get("datasourceUid"));
    assertEquals("$${__value.raw}", derived.get("url"));
    Map<String, Object> toLogs = map(map(jaeger.get("jsonData")).get("tracesToLogsV2"));
    assertEquals(loki.get("uid"), toLogs.get("datasourceUid"));

    String line = logfmtLineWithTrace("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331");
    Matcher matcher = Pattern.compile((String) derived.get("matcherRegex")).matcher(line);
    assertTrue(matcher.find(), line);
    assertEquals("0af7651916cd43dd8448eb211c80319c", matcher.group(1));
  }

  private static String logfmtLineWithTrace(String traceId, String spanId) {
    LoggerContext context = new LoggerContext();
    LoggingEvent event = new LoggingEvent("x", context.getLogger("shop"), Level.INFO,
        "charged card", null, null);
    event.setMDCPropertyMap(Map.of(LogfmtLayout.TRACE_ID_KEY, traceId,
        LogfmtLayout.SPAN_ID_KEY, spanId));
    LogfmtLayout layout = new LogfmtLayout();
    layout.setContext(context);
    layout.start();
    return layout.doLayout(event);
  }

  private static Map<String, Object> byType(List<Object> sources, String type) {
    for (Object source : sources) {
      if (type.equals(map(source).get("type"))) {
        return map(source);
      }
    }
    throw new AssertionError("no " + type + " data source in " + sources);
  }

  private static Map<String, Object> load(String file) throws IOException {
    try (Reader reader = Files.newBufferedReader(MODULE.resolve(file), StandardCharsets.UTF_8)) {
      return map(new Yaml().load(reader));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertTrue(value instanceof Map, () -> "expected a mapping: " + value);
    return (Map<String, Object>) value;
  }

  private static Set<Object> set(Object value) {
    List<Object> items = list(value);
    Set<Object> distinct = new HashSet<>(items);
    assertEquals(items.size(), distinct.size(), () -> "repeated entries in " + items);
    return distinct;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    assertTrue(value instanceof List, () -> "expected a sequence: " + value);
    return (List<Object>) value;
  }
}
