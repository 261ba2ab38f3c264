package dev.spoor.it.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorTracer;
import dev.spoor.it.AgentStandIn;
import dev.spoor.it.JaegerVariables;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.Tag;
import io.opentracing.Tracer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Spring Boot 2.7 application with opentracing-spring-web-starter and no {@code Tracer}
 * bean, on an ephemeral port of 127.0.0.1: the starter resolves Spoor through TracerResolver,
 * configured by {@code JAEGER_*} values, and a request's server span arrives at a stand-in agent
 * over UDP. Before Spoor had a resolver, the starter logged "Tracer bean is not configured!
 * Switching to NoopTracer" and no span was ever sent.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringWebStarterTest {

  @Test
  void theStarterFindsSpoorAndARequestIsReportedAsItsServerSpan(CapturedOutput output)
      throws Exception {
    SpoorTracer tracer;
    try (AgentStandIn agent = new AgentStandIn();
        JaegerVariables variables = JaegerVariables.reportingTo("greeting-service", agent.port());
        ConfigurableApplicationContext context = SpringApplication.run(GreetingApplication.class,
            "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off")) {
      tracer = assertInstanceOf(SpoorTracer.class, context.getBean(Tracer.class));
      assertEquals("greeting-service", tracer.process().serviceName());
      assertTrue(output.getOut().contains("Switching to SpoorTracer{service=greeting-service"),
          "the starter says which tracer it took:\n" + output.getOut());
      assertFalse(output.getOut().contains("NoopTracer"), output.getOut());

      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/greeting"))
              .timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      String traceId = response.body();
      assertEquals(16, traceId.length(), "fromEnv's 64-bit trace id, active in the handler");

      Batch batch = agent.awaitBatch(b -> serverSpan(b, traceId).isPresent(),
          "the server span of trace " + traceId);
      assertEquals("greeting-service", batch.getProcess().getServiceName());
      Span span = serverSpan(batch, traceId).get();
      assertEquals("greeting", span.getOperationName(), "the starter names it by handler");
      assertEquals("GET", tag(span, "http.method"));
      assertEquals(200L, Long.valueOf(tag(span, "http.status_code")));
      assertTrue(tag(span, "http.url").endsWith("/greeting"), tag(span, "http.url"));
      assertEquals(0L, span.getParentSpanId(), "a root span: the request had no trace headers");
    }
    assertTrue(tracer.isClosed(), "Spring closes the tracer bean with the application");
  }

  private static Optional<Span> serverSpan(Batch batch, String traceId) {
    return batch.getSpans().stream()
        .filter(span -> String.format("%016x", span.getTraceIdLow()).equals(traceId))
        .filter(span -> "server".equals(tag(span, "span.kind")))
        .findFirst();
  }

  private static String tag(Span span, String key) {
    for (Tag tag : span.getTags()) {
      if (tag.getKey().equals(key)) {
        switch (tag.getVType()) {
          case STRING:
            return tag.getVStr();
          case LONG:
            return Long.toString(tag.getVLong());
          case BOOL:
            return Boolean.toString(tag.isVBool());
          default:
            return String.valueOf(tag.getVDouble());
        }
      }
    }
    return null;
  }
}
