package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spoor.LogCapture;
import dev.spoor.SpoorTracer;
import io.opentracing.Span;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class LoggingReporterTest {

  @Test
  void logsEachFinishedSpanInJaegerClientsForm() {
    try (LogCapture log = new LogCapture(LoggingReporter.class.getName());
        SpoorTracer tracer = SpoorTracer.builder("svc").reporter(new LoggingReporter()).build()) {
      Span parent = tracer.buildSpan("parent").start();
      Span child = tracer.buildSpan("child").asChildOf(parent).start();
      child.finish();
      parent.finish();
      assertEquals(List.of(
          "Span reported: " + child.context() + " - child",
          "Span reported: " + parent.context() + " - parent"), log.messages());
      assertEquals(Level.INFO, log.events().get(0).getLevel());
      String[] fields = child.context().toString().split(":");
      assertEquals(child.context().toTraceId(), fields[0]);
      assertEquals(child.context().toSpanId(), fields[1]);
      assertEquals("1", fields[3]);
    }
  }

  @Test
  void logsToTheGivenLogger() {
    try (LogCapture log = new LogCapture("my.spans");
        SpoorTracer tracer = SpoorTracer.builder("svc")
            .reporter(new LoggingReporter("my.spans")).build()) {
      tracer.buildSpan("op").start().finish();
      assertEquals(1, log.messages().size());
    }
  }

  @Test
  void rejectsANullLogger() {
    assertThrows(NullPointerException.class, () -> new LoggingReporter((String) null));
  }
}
