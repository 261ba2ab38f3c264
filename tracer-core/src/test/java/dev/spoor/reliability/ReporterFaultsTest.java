package dev.spoor.reliability;

import static dev.spoor.reporter.AgentReceiver.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.AgentReceiver;
import dev.spoor.reporter.RemoteReporter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent fails in the ways agents do while application threads keep finishing spans: it stops
 * and comes back, it reads too slowly, its host does not resolve, the reporter's thread is
 * interrupted. The application never notices, the reporter recovers, and every span is counted.
 */
class ReporterFaultsTest {
  private static final Logger LOG = LoggerFactory.getLogger(ReporterFaultsTest.class);
  /** finish() must never wait for the network; this bound only catches real blocking. */
  private static final long FINISH_BOUND_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private <T extends AutoCloseable> T closeLater(T resource) {
    resources.add(resource);
    return resource;
  }

  private SpoorTracer tracer(String host, int port) {
    return closeLater(SpoorTracer.builder("faults").reporter(RemoteReporter.builder()
        .agentHost(host).agentPort(port).maxQueueSize(500)
        .flushInterval(2, TimeUnit.MILLISECONDS).build()).build());
  }

  /** Finishes spans named {@code operation} until one arrives at {@code agent}. */
  private static void awaitDelivery(SpoorTracer tracer, AgentReceiver agent, String operation) {
    awaitTrue(() -> {
      tracer.buildSpan(operation).start().finish();
      return agent.spans().stream().anyMatch(span -> span.getOperationName().equals(operation));
    }, () -> "no '" + operation + "' span arrived: " + tracer.metrics());
  }

  private static void assertUnharmedAndAccounted(SteadyLoad load, SpoorTracer tracer) {
    assertEquals(List.of(), load.failures(), "thrown into the application");
    assertTrue(load.slowestFinishNanos() < FINISH_BOUND_NANOS,
        "finish() took " + load.slowestFinishNanos() + " ns");
    SpoorMetrics metrics = tracer.metrics();
    assertEquals(metrics.get(Metric.SPANS_REPORTED), SpanAccounting.accountedFor(metrics),
        SpanAccounting.summary(metrics));
  }

  @Test
  void recoversWhenTheAgentStopsAndRestartsMidRun() throws Exception {
    int port = AgentReceiver.freePort();
    AgentReceiver first = closeLater(new AgentReceiver(port));
    SpoorTracer tracer = tracer("127.0.0.1", port);
    SteadyLoad load = closeLater(new SteadyLoad(tracer, "steady", 2));
    awaitDelivery(tracer, first, "before-stop");

    first.close();
    long failuresBefore = tracer.metrics().get(Metric.SEND_FAILURES);
    awaitTrue(() -> tracer.metrics().get(Metric.SEND_FAILURES) > failuresBefore,
        () -> "the stopped agent went unnoticed: " + tracer.metrics());

    AgentReceiver second = closeLater(new AgentReceiver(port));
    awaitDelivery(tracer, second, "after-restart");
    load.close();
    tracer.close();

    assertUnharmedAndAccounted(load, tracer);
    SpoorMetrics metrics = tracer.metrics();
    assertTrue(metrics.get(Metric.SPANS_DROPPED_SEND_FAILED) > 0, SpanAccounting.summary(metrics));
    long received = first.spans().size() + second.spans().size();
    assertTrue(received <= metrics.get(Metric.SPANS_SENT), "received " + received);
    LOG.info("RELIABILITY agent restart: {} spans finished meanwhile, {} received; {}",
        load.finished(), received, SpanAccounting.summary(metrics));
  }

  @Test
  void neverBlocksOnAnAgentThatReadsSlowly() throws Exception {
    AgentReceiver agent = closeLater(AgentReceiver.slow(2048, TimeUnit.MILLISECONDS.toNanos(1)));
    SpoorTracer tracer = tracer("127.0.0.1", agent.port());
    SteadyLoad load = closeLater(new SteadyLoad(tracer, "steady", 4));
    awaitTrue(() -> load.finished() > 200_000, () -> "load too slow: " + load.finished());
    load.close();
    // The kernel dropped what the slow agent could not take; the agent still hears later spans.
    awaitDelivery(tracer, agent, "after-the-flood");
    tracer.close();

    assertUnharmedAndAccounted(load, tracer);
    SpoorMetrics metrics = tracer.metrics();
    int received = agent.spans().size();
    assertTrue(received <= metrics.get(Metric.SPANS_SENT), "received " + received);
    LOG.info("RELIABILITY slow agent: {} spans finished, slowest finish() {} us, {} received; {}",
        load.finished(), load.slowestFinishNanos() / 1000, received,
        SpanAccounting.summary(metrics));
  }

  @Test
  void countsEverySpanWhileTheAgentHostDoesNotResolve() throws Exception {
    SpoorTracer tracer = tracer("no-such-agent.invalid", 6831);
    SteadyLoad load = closeLater(new SteadyLoad(tracer, "steady", 4));
    awaitTrue(() -> tracer.metrics().get(Metric.SEND_FAILURES) > 2 && load.finished() > 100_000,
        () -> "no send failures counted: " + tracer.metrics());
    load.close();
    tracer.close();

    assertUnharmedAndAccounted(load, tracer);
    SpoorMetrics metrics = tracer.metrics();
    assertEquals(0, metrics.get(Metric.SPANS_SENT));
    assertTrue(metrics.get(Metric.SPANS_DROPPED_SEND_FAILED) > 0, SpanAccounting.summary(metrics));
    LOG.info("RELIABILITY unresolvable host: {} spans finished, slowest finish() {} us; {}",
        load.finished(), load.slowestFinishNanos() / 1000, SpanAccounting.summary(metrics));
  }

  @Test
  void keepsSendingAfterTheReporterThreadIsInterrupted() throws Exception {
    AgentReceiver agent = closeLater(new AgentReceiver());
    Set<Thread> reportersBefore = reporterThreads();
    SpoorTracer tracer = tracer("127.0.0.1", agent.port());
    Set<Thread> ours = reporterThreads();
    ours.removeAll(reportersBefore);
    assertEquals(1, ours.size(), "one new spoor-reporter thread: " + ours);
    Thread reporterThread = ours.iterator().next();
    SteadyLoad load = closeLater(new SteadyLoad(tracer, "steady", 1));

    // 2,000 interrupts spread out, or as many as fit in 500 ms on a box with coarse timers.
    long stop = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
    for (int i = 0; i < 2000 && System.nanoTime() - stop < 0; i++) {
      reporterThread.interrupt();
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
    }
    assertTrue(reporterThread.isAlive(), "an interrupt must not stop the reporter");
    awaitDelivery(tracer, agent, "after-interrupts");
    load.close();
    tracer.close();

    assertUnharmedAndAccounted(load, tracer);
    SpoorMetrics metrics = tracer.metrics();
    assertEquals(0, metrics.get(Metric.SEND_FAILURES), "an interrupt cost a datagram");
    assertTrue(agent.spans().size() <= metrics.get(Metric.SPANS_SENT));
    awaitTrue(() -> !reporterThread.isAlive(), () -> "close() did not stop the reporter thread");
    LOG.info("RELIABILITY interrupted reporter: {} spans finished, {} received; {}",
        load.finished(), agent.spans().size(), SpanAccounting.summary(tracer.metrics()));
  }

  private static Set<Thread> reporterThreads() {
    Set<Thread> threads = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("spoor-reporter")) {
        threads.add(thread);
      }
    }
    return threads;
  }
}
