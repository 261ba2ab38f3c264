package dev.spoor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.spoor.SpoorTracer;
import dev.spoor.tracerresolver.SpoorTracerResolver;
import io.jaegertracing.thriftjava.Batch;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.contrib.tracerresolver.TracerResolver;
import io.opentracing.util.GlobalTracer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code TracerResolver.resolveTracer()}, as OpenTracing integrations call it, finds Spoor through
 * {@code META-INF/services} and configures it from the {@code JAEGER_*} variables.
 */
class SpoorTracerResolverTest {
  private final JaegerVariables variables = new JaegerVariables();
  private Tracer resolved;

  @BeforeEach
  void noGlobalTracer() {
    // TracerResolver answers a registered GlobalTracer before asking any resolver.
    assertFalse(GlobalTracer.isRegistered());
  }

  @AfterEach
  void closeAndClear() {
    if (resolved instanceof SpoorTracer) {
      ((SpoorTracer) resolved).close();
    }
    variables.close();
  }

  @Test
  void resolvesSpoorConfiguredFromTheJaegerVariables() throws Exception {
    try (AgentStandIn agent = new AgentStandIn()) {
      variables.set("JAEGER_SERVICE_NAME", "resolved-service")
          .set("JAEGER_AGENT_HOST", "127.0.0.1")
          .set("JAEGER_AGENT_PORT", Integer.toString(agent.port()))
          .set("JAEGER_SAMPLER_TYPE", "const")
          .set("JAEGER_SAMPLER_PARAM", "1")
          .set("JAEGER_REPORTER_FLUSH_INTERVAL", "20")
          .set("JAEGER_TAGS", "team=checkout");

      resolved = TracerResolver.resolveTracer();

      SpoorTracer spoor = assertInstanceOf(SpoorTracer.class, resolved);
      assertEquals("resolved-service", spoor.process().serviceName());
      assertFalse(spoor.isNoop());
      Span span = resolved.buildSpan("resolved-op").start();
      span.finish();
      Batch batch = agent.awaitBatch(b -> b.getSpans().stream()
          .anyMatch(s -> s.getOperationName().equals("resolved-op")), "the span resolved-op");
      assertEquals("resolved-service", batch.getProcess().getServiceName());
      assertTrue(batch.getProcess().getTags().stream()
          .anyMatch(tag -> tag.getKey().equals("team") && "checkout".equals(tag.getVStr())));
    }
  }

  @Test
  void answersTheSameTracerUntilItIsClosed() {
    variables.set("JAEGER_SERVICE_NAME", "once");
    resolved = TracerResolver.resolveTracer();

    assertSame(resolved, TracerResolver.resolveTracer());
    ((SpoorTracer) resolved).close();
    Tracer next = TracerResolver.resolveTracer();
    assertNotSame(resolved, next);
    resolved = next;
    assertFalse(((SpoorTracer) next).isClosed());
  }

  @Test
  void jaegerDisabledResolvesToTheDisabledTracer() {
    variables.set("JAEGER_DISABLED", "true");

    resolved = TracerResolver.resolveTracer();

    SpoorTracer spoor = assertInstanceOf(SpoorTracer.class, resolved);
    assertTrue(spoor.isNoop());
    Span span = resolved.buildSpan("ignored").start();
    assertFalse(span.context().toTraceId().isEmpty(), "a disabled tracer still makes ids");
  }

  @Test
  void anInvalidValueIsLoggedAsAnErrorAndResolvesToNull() {
    variables.set("JAEGER_SERVICE_NAME", "bad-config").set("JAEGER_SAMPLER_PARAM", "lots");

    try (LogCapture log = new LogCapture(SpoorTracerResolver.class)) {
      resolved = TracerResolver.resolveTracer();

      assertNull(resolved, "the application starts, untraced");
      List<ILoggingEvent> events = log.events();
      assertEquals(1, events.size(), events.toString());
      assertEquals(Level.ERROR, events.get(0).getLevel());
      String message = events.get(0).getFormattedMessage();
      assertTrue(message.contains("JAEGER_SAMPLER_PARAM='lots'"), message);
      assertTrue(message.contains("without Spoor's tracing"), message);
      assertNull(events.get(0).getThrowableProxy(), "a configuration error needs no stack trace");
    }
  }

  @Test
  void aMissingServiceNameIsLoggedAndResolvesToNull() {
    try (LogCapture log = new LogCapture(SpoorTracerResolver.class)) {
      resolved = TracerResolver.resolveTracer();

      assertNull(resolved);
      assertTrue(log.events().get(0).getFormattedMessage().contains("JAEGER_SERVICE_NAME"),
          log.events().toString());
    }
  }
}
