package dev.spoor.it.spring;

import io.opentracing.Span;
import io.opentracing.Tracer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plain Spring Boot web application with opentracing-spring-web-starter and no {@code Tracer}
 * bean of its own: the starter has to find one. Its one endpoint answers the trace id of the span
 * active while it runs.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(GreetingApplication.GreetingController.class)
public class GreetingApplication {

  /** {@code GET /greeting}: the active span's trace id, or "none". */
  @RestController
  public static class GreetingController {
    private final Tracer tracer;

    public GreetingController(Tracer tracer) {
      this.tracer = tracer;
    }

    @GetMapping("/greeting")
    public String greeting() {
      Span span = tracer.activeSpan();
      return span == null ? "none" : span.context().toTraceId();
    }
  }
}
