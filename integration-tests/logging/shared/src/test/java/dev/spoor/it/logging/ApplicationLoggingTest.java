package dev.spoor.it.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.spoor.SpoorTracer;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * What an application sees of its logging with tracer-core on its class path. The module's pom
 * names the SLF4J and logback versions the application chose ({@code expected.*} properties); the
 * first test checks the class path holds exactly those, so that every other test runs in that
 * world.
 */
class ApplicationLoggingTest {
  private static final Logger APP = LoggerFactory.getLogger("shop.Checkout");
  /** What Spoor logs a malformed incoming {@code uber-trace-id} as. */
  private static final String MALFORMED = "Ignoring malformed incoming trace context";

  private ListAppender<ILoggingEvent> appender;
  private SpoorTracer tracer;

  @BeforeEach
  void startTracer() {
    // SLF4J's NOP fallback instead would mean the application lost all of its logging.
    LoggerContext logback = assertInstanceOf(LoggerContext.class,
        LoggerFactory.getILoggerFactory(), "SLF4J bound to the application's logback");
    appender = recordingAppender(logback);
    appender.list.clear();
    tracer = SpoorTracer.builder("shop").build();
  }

  @AfterEach
  void closeTracer() {
    tracer.close();
    MDC.clear();
  }

  @Test
  void theClassPathHoldsTheApplicationsSlf4jAndLogbackNotSpoors() {
    assertEquals("slf4j-api-" + System.getProperty("expected.slf4j.version") + ".jar",
        jarOf(LoggerFactory.class));
    assertEquals("logback-classic-" + System.getProperty("expected.logback.version") + ".jar",
        jarOf(LoggerContext.class));
  }

  @Test
  void theApplicationsOwnLoggingReachesItsLogbackAppender() {
    APP.info("order {} placed", 42);
    APP.warn("stock low for {}", "vanilla");

    List<ILoggingEvent> events = events("shop.Checkout");
    assertEquals(2, events.size(), events.toString());
    assertEquals("order 42 placed", events.get(0).getFormattedMessage());
    assertEquals(Level.INFO, events.get(0).getLevel());
    assertEquals("stock low for vanilla", events.get(1).getFormattedMessage());
    assertEquals(Level.WARN, events.get(1).getLevel());
  }

  @Test
  void insideASpanTheMdcHoldsItsIdsAndAfterTheScopeClosesTheyAreGone() {
    Span span = tracer.buildSpan("checkout").start();
    String traceId = span.context().toTraceId();
    String spanId = span.context().toSpanId();
    try (Scope ignored = tracer.activateSpan(span)) {
      assertEquals(traceId, MDC.get("traceId"));
      assertEquals(spanId, MDC.get("spanId"));
      assertEquals("true", MDC.get("sampled"));
      APP.info("charging the card");

      Span child = tracer.buildSpan("charge").start();
      try (Scope inner = tracer.activateSpan(child)) {
        assertEquals(traceId, MDC.get("traceId"));
        assertEquals(child.context().toSpanId(), MDC.get("spanId"));
      }
      child.finish();
      assertEquals(spanId, MDC.get("spanId"), "the parent's id is back");
    } finally {
      span.finish();
    }
    assertNull(MDC.get("traceId"));
    assertNull(MDC.get("spanId"));
    assertNull(MDC.get("sampled"));
    APP.info("done");

    List<ILoggingEvent> events = events("shop.Checkout");
    assertEquals(2, events.size(), events.toString());
    Map<String, String> during = events.get(0).getMDCPropertyMap();
    assertEquals(traceId, during.get("traceId"), "the line written inside the span names it");
    assertEquals(spanId, during.get("spanId"));
    assertFalse(events.get(1).getMDCPropertyMap().containsKey("traceId"), "and the one after not");
  }

  @Test
  void spoorsOwnWarningsAreVisibleThroughJavaUtilLogging() {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    java.util.logging.Logger spoor = java.util.logging.Logger.getLogger("dev.spoor");
    spoor.addHandler(handler);
    try {
      assertNull(extractMalformedHeader());

      assertEquals(1, records.size(), records.toString());
      LogRecord warning = records.get(0);
      assertEquals(java.util.logging.Level.WARNING, warning.getLevel());
      assertEquals("dev.spoor.SpoorTracer", warning.getLoggerName(), "named after its class");
      assertTrue(warning.getMessage().startsWith(MALFORMED), warning.getMessage());
      assertEquals(List.of(), events("dev.spoor.SpoorTracer"), "JUL is not routed: not logback's");
    } finally {
      spoor.removeHandler(handler);
    }
  }

  @Test
  void withJulToSlf4jSpoorsWarningsReachTheApplicationsLogback() throws Exception {
    // What the README tells SLF4J users to do (Spring Boot does it by itself).
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    try {
      Span span = tracer.buildSpan("checkout").start();
      try (Scope ignored = tracer.activateSpan(span)) {
        assertNull(extractMalformedHeader());
      } finally {
        span.finish();
      }

      List<ILoggingEvent> events = events("dev.spoor.SpoorTracer");
      assertEquals(1, events.size(), events.toString());
      assertEquals(Level.WARN, events.get(0).getLevel());
      assertTrue(events.get(0).getFormattedMessage().startsWith(MALFORMED),
          events.get(0).getFormattedMessage());
      assertEquals(span.context().toTraceId(), events.get(0).getMDCPropertyMap().get("traceId"),
          "Spoor's warning, written inside the span, carries its trace id too");
    } finally {
      SLF4JBridgeHandler.uninstall();
      java.util.logging.LogManager.getLogManager().readConfiguration();
    }
  }

  private SpanContext extractMalformedHeader() {
    return tracer.extract(Format.Builtin.HTTP_HEADERS,
        new TextMapAdapter(Map.of("uber-trace-id", "not:a:trace:id")));
  }

  private List<ILoggingEvent> events(String loggerName) {
    List<ILoggingEvent> named = new ArrayList<>();
    for (ILoggingEvent event : new ArrayList<>(appender.list)) {
      if (event.getLoggerName().equals(loggerName)) {
        named.add(event);
      }
    }
    return named;
  }

  private static ListAppender<ILoggingEvent> recordingAppender(LoggerContext logback) {
    return assertInstanceOf(RecordingAppender.class,
        logback.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("LIST"), "logback-test.xml's");
  }

  private static String jarOf(Class<?> type) {
    String path = type.getProtectionDomain().getCodeSource().getLocation().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
