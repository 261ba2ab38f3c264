package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.spoor.LogRecord;
import dev.spoor.SpoorSpan;
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
  final SpoorTracer tracer = SpoorTracer.builder("http-wrappers-test").reporter(reporter).build();

  /** The one finished span of {@code kind}, waiting for it (a server span ends after its response). */
  SpoorSpan awaitSpan(String kind) {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (true) {
      SpoorSpan found = null;
      for (SpoorSpan span : reporter.spans()) {
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

  static void assertParent(SpoorSpan parent, SpoorSpan child) {
    assertEquals(parent.context().toTraceId(), child.context().toTraceId(), "trace id");
    assertEquals(parent.context().spanId(), child.context().parentId(), "parent id");
  }

  /** The fields of the span's single {@code event=error} log. */
  static Map<String, ?> errorLog(SpoorSpan span) {
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

  static boolean hasErrorLog(SpoorSpan span) {
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
