package dev.spoor.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's quick start, run: its first trace is sampled and reaches an OTLP endpoint. */
class QuickStartTest {
  private static final Path SOURCE =
      Path.of("src/main/java/dev/spoor/examples/quickstart/QuickStart.java");
  private static final Path README = Path.of("..", "README.md");

  private static String attribute(List<KeyValue> attributes, String key) {
    for (KeyValue attribute : attributes) {
      if (attribute.getKey().equals(key)) {
        return attribute.getValue().hasIntValue()
            ? Long.toString(attribute.getValue().getIntValue())
            : attribute.getValue().getStringValue();
      }
    }
    return null;
  }

  @Test
  void theFirstRunSendsItsSampledSpanToTheCollector() throws Exception {
    List<ExportTraceServiceRequest> received = new CopyOnWriteArrayList<>();
    HttpServer collector = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.createContext("/v1/traces", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        received.add(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
    try {
      QuickStart.main(new String[] {
          "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces"});
    } finally {
      collector.stop(0);
    }

    assertEquals(1, received.size(), "close() sent the queued span in one request");
    ResourceSpans resourceSpans = received.get(0).getResourceSpans(0);
    List<KeyValue> resource = resourceSpans.getResource().getAttributesList();
    assertEquals("checkout", attribute(resource, "service.name"));
    assertEquals("dev", attribute(resource, "env"));
    Span span = resourceSpans.getScopeSpans(0).getSpans(0);
    assertEquals("charge-card", span.getName());
    assertEquals("3", attribute(span.getAttributesList(), "order.items"));
    assertEquals(1, span.getFlags() & 0xff, "sampled");
  }

  @Test
  void theReadmesQuickStartIsThisProgram() throws Exception {
    String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    List<String> javaBlocks = new ArrayList<>();
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    while (block.find()) {
      javaBlocks.add(block.group(1));
    }
    assertTrue(javaBlocks.contains(source),
        "README.md's quick start is not " + SOURCE + " verbatim; copy the file into it");
  }
}
