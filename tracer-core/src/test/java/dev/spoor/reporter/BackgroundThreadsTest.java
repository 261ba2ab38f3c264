package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorTracer;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The reporter's threads are made while the application's thread, with the application's context
 * class loader (a web application's, in a servlet container), builds the tracer or sends the first
 * message; they must not keep that loader, or an undeployed application stays in memory.
 */
class BackgroundThreadsTest {

  @Test
  void theReporterThreadIsADaemonWithoutTheCreatorsContextClassLoader() throws Exception {
    Set<Thread> before = threads("spoor-reporter");
    RemoteReporter reporter = underWebappClassLoader(() -> RemoteReporter.builder()
        .sender(UdpSender.builder().agentHost("127.0.0.1").agentPort(1).build()).build());
    try {
      List<Thread> started = newThreads("spoor-reporter", before);
      assertEquals(1, started.size(), "one reporter thread: " + started);
      Thread worker = started.get(0);
      assertTrue(worker.isDaemon());
      assertNull(worker.getContextClassLoader());
    } finally {
      reporter.close();
    }
  }

  @Test
  void theHttpWatchdogThreadIsADaemonWithoutTheSendersContextClassLoader() throws Exception {
    Set<Thread> before = threads("spoor-http-timeout");
    try (CollectorServer server = new CollectorServer()) {
      JaegerHttpSender sender = JaegerHttpSender.builder(server.url() + "/api/traces").build();
      RemoteReporter reporter = RemoteReporter.builder().sender(sender)
          .flushInterval(1, TimeUnit.HOURS).build();
      try (SpoorTracer tracer = SpoorTracer.builder("svc").reporter(reporter).build()) {
        tracer.buildSpan("op").start().finish();
        assertTrue(underWebappClassLoader(reporter::flush), "the span was sent");
        List<Thread> started = newThreads("spoor-http-timeout", before);
        assertEquals(1, started.size(), "one watchdog thread: " + started);
        assertTrue(started.get(0).isDaemon());
        assertNull(started.get(0).getContextClassLoader());
      }
    }
  }

  private static <T> T underWebappClassLoader(Callable<T> action) throws Exception {
    Thread caller = Thread.currentThread();
    ClassLoader previous = caller.getContextClassLoader();
    try (URLClassLoader webapp = new URLClassLoader(new URL[0], previous)) {
      caller.setContextClassLoader(webapp);
      return action.call();
    } finally {
      caller.setContextClassLoader(previous);
    }
  }

  private static Set<Thread> threads(String name) {
    Set<Thread> named = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals(name)) {
        named.add(thread);
      }
    }
    return named;
  }

  private static List<Thread> newThreads(String name, Set<Thread> before) {
    List<Thread> started = new ArrayList<>(threads(name));
    started.removeAll(before);
    return started;
  }
}
