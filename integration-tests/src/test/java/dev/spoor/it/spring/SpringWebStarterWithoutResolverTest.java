package dev.spoor.it.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.it.JaegerVariables;
import io.opentracing.Tracer;
import io.opentracing.noop.NoopTracer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The control for {@link SpringWebStarterTest}: the same application with TracerResolver switched
 * off ({@code tracerresolver.disabled=true}, as if Spoor had no resolver) ends on a NoopTracer, and
 * its requests have no span, which is what the starter did with Spoor before. So the other test's
 * checks can tell the two apart.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringWebStarterWithoutResolverTest {

  @Test
  void withoutAResolverTheStarterFallsBackToANoopTracer(CapturedOutput output) throws Exception {
    try (JaegerVariables variables = JaegerVariables.reportingTo("greeting-service", 9)
            .set("tracerresolver.disabled", "true");
        ConfigurableApplicationContext context = SpringApplication.run(GreetingApplication.class,
            "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off")) {
      assertTrue(context.getBean(Tracer.class) instanceof NoopTracer);
      assertTrue(output.getOut().contains("Tracer bean is not configured! Switching to"),
          output.getOut());
      assertFalse(output.getOut().contains("SpoorTracer"), output.getOut());

      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/greeting"))
              .timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertEquals("", response.body(), "the handler ran under a no-op span, without a trace id");
    }
  }
}
