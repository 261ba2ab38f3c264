package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.spoor.LogRecord;
import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import dev.spoor.reporter.InMemoryReporter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A real SpoorTracer reporting into memory, with ways to wait for and read its spans. */
final class RecordingTracer implements AutoCloseable {
  private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

  final InMemoryReporter reporter = new InMemoryReporter();
  final SpoorTracer tracer;

  RecordingTracer() {
    this("http-wrappers-test");
  }

  RecordingTracer(String serviceName) {
    tracer = SpoorTracer.builder(serviceName).reporter(reporter).build();
  }

  /** A tracer that reads and writes only the propagation {@code format}. */
  RecordingTracer(String serviceName, String format) {
    tracer = SpoorTracer.builder(serviceName).reporter(reporter).propagation(format).build();
  }

  /** The one finished span of {@code kind}, waiting for it (a server span ends after its response). */
  FinishedSpan awaitSpan(String kind) {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (true) {
      FinishedSpan found = null;
      for (FinishedSpan span : reporter.spans()) {
        if (kind.equals(span.tags().get("span.kind"))) {
          if (found != null) {
            fail("more than one " + kind + " span: " + reporter.spans());
          }
          found = span;
        }
      }
      if (found != null) {
        return found;
      }
      if (System.nanoTime() - deadline > 0) {
        fail("no " + kind + " span within 10 s; reported: " + reporter.spans());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
  }

  /** The tags every HTTP span carries, with the values expected. */
  static void assertHttpTags(FinishedSpan span, String kind, String component, String method,
      String url, int status) {
    Map<String, Object> tags = span.tags();
    assertEquals(kind, tags.get("span.kind"), "span.kind");
    assertEquals(component, tags.get("component"), "component");
    assertEquals(method, tags.get("http.method"), "http.method");
    assertEquals(url, tags.get("http.url"), "http.url");
    assertEquals(status, tags.get("http.status_code"), "http.status_code");
    assertEquals("127.0.0.1", tags.get("peer.ipv4"), "peer.ipv4");
    assertEquals(null, tags.get("error"), "error");
    assertFalse(hasErrorLog(span), "error log");
  }

  static void assertParent(FinishedSpan parent, FinishedSpan child) {
    assertEquals(parent.context().toTraceId(), child.context().toTraceId(), "trace id");
    assertEquals(parent.context().spanId(), child.context().parentId(), "parent id");
  }

  /** The fields of the span's single {@code event=error} log. */
  static Map<String, ?> errorLog(FinishedSpan span) {
    List<LogRecord> logs = span.logs();
    Map<String, ?> found = null;
    for (LogRecord log : logs) {
      if ("error".equals(log.fields().get("event"))) {
        if (found != null) {
          fail("two error logs: " + logs);
        }
        found = log.fields();
      }
    }
    if (found == null) {
      fail("no error log in " + logs);
    }
    return found;
  }

  static boolean hasErrorLog(FinishedSpan span) {
    for (LogRecord log : span.logs()) {
      if ("error".equals(log.fields().get("event"))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    tracer.close();
  }
}
