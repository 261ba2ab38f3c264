package dev.spoor.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo pointed at an OTLP/HTTP endpoint ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, as Jaeger v2,
 * Tempo or an OpenTelemetry Collector take it): a JDK server on 127.0.0.1 stands in for the
 * collector and decodes every request with the official opentelemetry-proto classes.
 */
class ShopDemoOverOtlpTest {
  private static final int REQUESTS = 3;

  @TempDir
  Path output;

  @Test
  void sendsEveryTraceOfTheFourServicesOverOtlpHttp() throws Exception {
    List<ExportTraceServiceRequest> received = new CopyOnWriteArrayList<>();
    HttpServer collector = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.createContext("/v1/traces", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        if ("application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
          received.add(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
        }
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
    try {
      String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort();
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      int status;
      try (PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
          PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
        status = ShopDemo.run(new String[] {"--requests", Integer.toString(REQUESTS),
            "--html", output.resolve("traces.html").toString(),
            "--json", output.resolve("jaeger-json").toString()},
            Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)::get,
            IceCreamShop.factory(RemoteSpanReporting::new), out, err);
      }
      String out = stdout.toString(StandardCharsets.UTF_8);
      assertEquals(0, status, out + stderr);
      assertTrue(out.contains("OTEL_EXPORTER_OTLP_ENDPOINT is set: the tracers send their spans"
          + " over OTLP/HTTP to " + endpoint + " (OTLP/HTTP)."), out);
      Matcher done = Pattern.compile("the tracers sent (\\d+) OTLP/HTTP requests to ").matcher(out);
      assertTrue(done.find(), out);
      // The demo closes its tracers before it prints the summary: every request has arrived.
      assertEquals(Long.parseLong(done.group(1)), received.size(), out);
      assertFalse(Files.exists(output.resolve("traces.html")), "no page without the own agent");

      Map<String, Set<String>> operationsByService = new HashMap<>();
      Set<String> traceIds = new HashSet<>();
      int spans = 0;
      for (ExportTraceServiceRequest request : received) {
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
          String service = attribute(resourceSpans.getResource(), "service.name");
          for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
            for (Span span : scopeSpans.getSpansList()) {
              spans++;
              assertEquals(16, span.getTraceId().size());
              traceIds.add(hex(span));
              operationsByService.computeIfAbsent(service, s -> new HashSet<>())
                  .add(span.getName());
            }
          }
        }
      }
      assertEquals(REQUESTS * 7, spans, received.toString());
      assertEquals(REQUESTS, traceIds.size());
      assertEquals(Set.of("shop-gateway", "cart-manager", "inventory", "payment"),
          operationsByService.keySet());
      assertEquals(Set.of("GET /stock"), operationsByService.get("inventory"));
      assertEquals(Set.of("POST /charge"), operationsByService.get("payment"));
    } finally {
      collector.stop(0);
    }
  }

  private static String attribute(Resource resource, String key) {
    for (KeyValue attribute : resource.getAttributesList()) {
      if (attribute.getKey().equals(key)) {
        return attribute.getValue().getStringValue();
      }
    }
    return null;
  }

  private static String hex(Span span) {
    StringBuilder hex = new StringBuilder();
    for (byte b : span.getTraceId().toByteArray()) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }
}
