package dev.spoor.it.noslf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import dev.spoor.concurrent.TaskTracing;
import dev.spoor.reporter.InMemoryReporter;
import dev.spoor.reporter.LoggingReporter;
import dev.spoor.reporter.RemoteReporter;
import dev.spoor.reporter.UdpSender;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Everything an application does with a tracer, on a class path without any SLF4J. */
class WithoutSlf4jTest {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final Logger spoor = Logger.getLogger("dev.spoor");

  @BeforeEach
  void listen() {
    spoor.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    spoor.removeHandler(handler);
  }

  @Test
  void thereIsNoSlf4jHere() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.slf4j.MDC"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.slf4j.LoggerFactory"));
  }

  @Test
  void spansStartActivateFinishAndAreReportedWithoutAnMdc() throws Exception {
    InMemoryReporter reporter = new InMemoryReporter();
    try (SpoorTracer tracer = SpoorTracer.builder("plain").reporter(reporter).build()) {
      Span parent = tracer.buildSpan("parent").start();
      try (Scope ignored = tracer.activateSpan(parent)) {
        assertSame(parent, tracer.activeSpan());
        Span child = tracer.buildSpan("child").start();
        child.finish();
        assertEquals(parent.context().toTraceId(), child.context().toTraceId());
      }
      assertNull(tracer.activeSpan());
      parent.finish();

      ExecutorService pool = TaskTracing.create(tracer)
          .executorService(Executors.newSingleThreadExecutor());
      Span outer = tracer.buildSpan("outer").start();
      try (Scope ignored = tracer.activateSpan(outer)) {
        assertSame(outer, pool.submit(tracer::activeSpan).get(30, TimeUnit.SECONDS));
      } finally {
        outer.finish();
        pool.shutdown();
      }

      List<FinishedSpan> spans = reporter.spans();
      assertEquals(List.of("child", "parent", "outer"),
          spans.stream().map(FinishedSpan::operationName).collect(Collectors.toList()));
    }
  }

  @Test
  void spoorsWarningsAndInfoLinesGoThroughJavaUtilLogging() {
    try (SpoorTracer tracer = SpoorTracer.builder("plain").reporter(new LoggingReporter())
        .build()) {
      assertNull(tracer.extract(Format.Builtin.HTTP_HEADERS,
          new TextMapAdapter(Map.of("uber-trace-id", "not:a:trace:id"))));
      tracer.buildSpan("logged").start().finish();
    }
    LogRecord warning = only("dev.spoor.SpoorTracer");
    assertEquals(Level.WARNING, warning.getLevel());
    assertTrue(warning.getMessage().startsWith("Ignoring malformed incoming trace context"),
        warning.getMessage());
    LogRecord reported = only("dev.spoor.reporter.LoggingReporter");
    assertEquals(Level.INFO, reported.getLevel());
    assertTrue(reported.getMessage().startsWith("Span reported: "), reported.getMessage());
    assertTrue(reported.getMessage().endsWith(" - logged"), reported.getMessage());
  }

  @Test
  void aRemoteReporterSendsADatagramWithoutSlf4j() throws Exception {
    try (DatagramSocket agent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      agent.setSoTimeout(30_000);
      RemoteReporter reporter = RemoteReporter.builder().sender(UdpSender.builder()
          .agentHost("127.0.0.1").agentPort(agent.getLocalPort()).build()).build();
      try (SpoorTracer tracer = SpoorTracer.builder("plain").reporter(reporter).build()) {
        tracer.buildSpan("sent").start().finish();
        assertTrue(reporter.flush(), "flushed within the close timeout");
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        agent.receive(packet);
        assertTrue(packet.getLength() > 0);
      }
    }
  }

  private LogRecord only(String loggerName) {
    List<LogRecord> named = new ArrayList<>();
    for (LogRecord record : records) {
      if (record.getLoggerName().equals(loggerName)) {
        named.add(record);
      }
    }
    assertEquals(1, named.size(), named.toString());
    return named.get(0);
  }
}
