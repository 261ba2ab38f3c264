package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.spoor.metrics.Metric;
import dev.spoor.reporter.RemoteReporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How {@code fromEnv()} chooses the sender, and the OTEL_* variables it reads. */
class EnvSenderTest {
  private final Map<String, String> env = new HashMap<>();

  private EnvSenderTest set(String name, String value) {
    env.put(name, value);
    return this;
  }

  private SpoorTracer tracer() {
    return new EnvConfiguration(env::get).builder().build();
  }

  private String reporterOf() {
    try (SpoorTracer tracer = tracer()) {
      return tracer.reporter().toString();
    }
  }

  private IllegalArgumentException failure() {
    return assertThrows(IllegalArgumentException.class, this::tracer);
  }

  @Test
  void sendsToTheJaegerAgentWhenNothingElseIsSet() {
    set("JAEGER_SERVICE_NAME", "svc");
    assertTrue(reporterOf().contains("sender=UdpSender{agent=localhost:6831"), reporterOf());
  }

  @Test
  void jaegerEndpointSelectsTheCollectorOverHttpWithItsCredentials() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_ENDPOINT", "http://collector:14268/api/traces")
        .set("JAEGER_USER", "shop").set("JAEGER_PASSWORD", "hunter2")
        .set("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4318");
    String reporter = reporterOf();
    assertTrue(reporter.contains(
        "JaegerHttpSender{endpoint=http://collector:14268/api/traces, auth=basic"), reporter);
    assertFalse(reporter.contains("hunter2"), reporter);
    set("JAEGER_AUTH_TOKEN", "t0ken");
    assertTrue(reporterOf().contains("auth=bearer"), reporterOf());
  }

  @Test
  void aUserWithoutAPasswordFailsWithoutShowingEither() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_ENDPOINT", "http://collector:14268/api/traces")
        .set("JAEGER_PASSWORD", "hunter2");
    IllegalArgumentException e = failure();
    assertTrue(e.getMessage().contains("JAEGER_USER and JAEGER_PASSWORD go together"),
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void anOtlpEndpointSelectsOtlpAndGetsTheTracesPath() {
    set("JAEGER_SERVICE_NAME", "svc").set("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4318/");
    assertTrue(reporterOf().contains("OtlpHttpSender{endpoint=http://otel:4318/v1/traces"),
        reporterOf());
    set("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "https://vendor.example/ingest");
    assertTrue(reporterOf().contains("endpoint=https://vendor.example/ingest,"), reporterOf());
  }

  @Test
  void otlpAsTheExporterAloneSendsToTheLocalCollector() {
    set("JAEGER_SERVICE_NAME", "svc").set("OTEL_TRACES_EXPORTER", "otlp");
    assertTrue(reporterOf().contains("endpoint=http://localhost:4318/v1/traces"), reporterOf());
  }

  @Test
  void signalSpecificSettingsWinOverTheGenericOnes() {
    set("JAEGER_SERVICE_NAME", "svc").set("OTEL_TRACES_EXPORTER", "otlp")
        .set("OTEL_EXPORTER_OTLP_HEADERS", "generic=1")
        .set("OTEL_EXPORTER_OTLP_TRACES_HEADERS", "api-key=abc%3D%3D, tenant = shop")
        .set("OTEL_EXPORTER_OTLP_COMPRESSION", "none")
        .set("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "gzip")
        .set("OTEL_EXPORTER_OTLP_TIMEOUT", "1000")
        .set("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "2500");
    String reporter = reporterOf();
    assertTrue(reporter.contains("compression=gzip, headers=[api-key, tenant], "
        + "timeoutMillis=2500"), reporter);
    assertFalse(reporter.contains("abc"), reporter);
  }

  @Test
  void sendsOtlpFromTheEnvironmentWithDecodedHeadersAndResourceAttributes() throws Exception {
    List<String> apiKeys = new CopyOnWriteArrayList<>();
    List<byte[]> bodies = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/traces", exchange -> {
      apiKeys.add(exchange.getRequestHeaders().getFirst("api-key"));
      bodies.add(exchange.getRequestBody().readAllBytes());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    try {
      set("OTEL_SERVICE_NAME", "from-otel").set("JAEGER_SAMPLER_TYPE", "const")
          .set("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort())
          .set("OTEL_EXPORTER_OTLP_HEADERS", "api-key=a%2Cb%3Dc")
          .set("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=prod,team=a%20b,"
              + "service.name=ignored")
          .set("JAEGER_TAGS", "team=jaeger-wins");
      SpoorTracer tracer = tracer();
      tracer.buildSpan("configured").start().finish();
      assertTrue(((RemoteReporter) tracer.reporter()).flush());
      tracer.close();

      assertEquals(List.of("a,b=c"), apiKeys);
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(bodies.get(0));
      Map<String, String> resource = new HashMap<>();
      request.getResourceSpans(0).getResource().getAttributesList()
          .forEach(kv -> resource.put(kv.getKey(), kv.getValue().getStringValue()));
      assertEquals("from-otel", resource.get("service.name"));
      assertEquals("prod", resource.get("deployment.environment"));
      assertEquals("jaeger-wins", resource.get("team"));
      assertEquals("configured",
          request.getResourceSpans(0).getScopeSpans(0).getSpans(0).getName());
      assertEquals(1, tracer.metrics().get(Metric.SPANS_SENT));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theServiceNameComesFromJaegerThenOtelThenTheResource() {
    set("OTEL_RESOURCE_ATTRIBUTES", "service.name=from-resource");
    try (SpoorTracer tracer = tracer()) {
      assertEquals("from-resource", tracer.process().serviceName());
      assertFalse(tracer.process().tags().containsKey("service.name"));
    }
    set("OTEL_SERVICE_NAME", "from-otel");
    try (SpoorTracer tracer = tracer()) {
      assertEquals("from-otel", tracer.process().serviceName());
    }
    set("JAEGER_SERVICE_NAME", "from-jaeger");
    try (SpoorTracer tracer = tracer()) {
      assertEquals("from-jaeger", tracer.process().serviceName());
    }
  }

  @Test
  void anOtlpProtocolOtherThanHttpProtobufFailsNamingWhatIsUnsupported() {
    set("JAEGER_SERVICE_NAME", "svc").set("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
    IllegalArgumentException e = failure();
    assertTrue(e.getMessage().startsWith("Invalid OTEL_EXPORTER_OTLP_PROTOCOL='grpc'"),
        e.getMessage());
    assertTrue(e.getMessage().contains("grpc and http/json are not supported"), e.getMessage());
    set("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
        .set("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/json");
    assertTrue(failure().getMessage().startsWith(
        "Invalid OTEL_EXPORTER_OTLP_TRACES_PROTOCOL='http/json'"));
  }

  @Test
  void badOtlpValuesFailNamingTheVariableButNeverAHeaderValue() {
    set("JAEGER_SERVICE_NAME", "svc").set("OTEL_TRACES_EXPORTER", "zipkin");
    assertTrue(failure().getMessage().startsWith("Invalid OTEL_TRACES_EXPORTER='zipkin'"));
    env.remove("OTEL_TRACES_EXPORTER");
    set("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4318")
        .set("OTEL_EXPORTER_OTLP_HEADERS", "api-key=s3cr\u0001et,novalue");
    IllegalArgumentException headers = failure();
    assertTrue(headers.getMessage().startsWith("Invalid OTEL_EXPORTER_OTLP_HEADERS: entry 1"),
        headers.getMessage());
    assertFalse(headers.getMessage().contains("s3cr"));
    env.remove("OTEL_EXPORTER_OTLP_HEADERS");
    set("OTEL_EXPORTER_OTLP_COMPRESSION", "zstd");
    assertTrue(failure().getMessage().startsWith("Invalid OTEL_EXPORTER_OTLP_COMPRESSION='zstd'"));
    env.remove("OTEL_EXPORTER_OTLP_COMPRESSION");
    set("OTEL_EXPORTER_OTLP_TIMEOUT", "soon");
    assertTrue(failure().getMessage().startsWith("Invalid OTEL_EXPORTER_OTLP_TIMEOUT='soon'"));
    env.remove("OTEL_EXPORTER_OTLP_TIMEOUT");
    set("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://otel");
    assertTrue(failure().getMessage().startsWith("Invalid OTEL_EXPORTER_OTLP_ENDPOINT"));
  }

  @Test
  void noneSendsNothingAndSaysSoInTheOneLineLoggedAtStart() {
    set("JAEGER_SERVICE_NAME", "svc").set("OTEL_TRACES_EXPORTER", "none");
    try (LogCapture log = new LogCapture(SpoorTracerBuilder.class.getName());
        SpoorTracer tracer = tracer()) {
      assertTrue(tracer.reporter().counters().isEmpty());
      assertEquals(1, log.messages().size(), log.messages()::toString);
      assertTrue(log.messages().get(0).contains(
          "reporter=none (OTEL_TRACES_EXPORTER=none: spans are not sent)"), log.messages()::toString);
    }
  }

  @Test
  void logsOneLineNamingTheSenderAndWhereWithoutCredentials() {
    set("JAEGER_SERVICE_NAME", "svc").set("JAEGER_ENDPOINT", "http://collector:14268/api/traces")
        .set("JAEGER_AUTH_TOKEN", "t0ken");
    try (LogCapture log = new LogCapture(SpoorTracerBuilder.class.getName());
        SpoorTracer tracer = tracer()) {
      List<String> lines = log.messages();
      assertEquals(1, lines.size(), lines::toString);
      assertTrue(lines.get(0).contains("reporter=RemoteReporter{sender=JaegerHttpSender{endpoint="
          + "http://collector:14268/api/traces, auth=bearer"), lines.get(0));
      assertFalse(lines.get(0).contains("t0ken"));
    }
  }
}
