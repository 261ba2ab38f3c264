package dev.spoor.reliability;

import dev.spoor.SpoorTracer;
import dev.spoor.SpoorTracerBuilder;
import dev.spoor.reporter.RemoteReporter;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM for {@link ShutdownTest}: finishes spans with a tracer built with
 * {@code closeOnShutdown(true)} (or, with {@code builder-default}, without saying) and a flush
 * interval of an hour, then returns from main without closing the tracer (or, with
 * {@code close-too}, closes it first), so only the shutdown hook can send the spans.
 */
public final class ExitWithoutCloseMain {
  private ExitWithoutCloseMain() {}

  /**
   * Arguments: agent port, span count, and {@code hook-only}, {@code builder-default} or
   * {@code close-too}.
   */
  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    SpoorTracerBuilder builder = SpoorTracer.builder("exiting");
    if (!args[2].equals("builder-default")) {
      builder.closeOnShutdown(true);
    }
    SpoorTracer tracer = builder
        .reporter(RemoteReporter.builder().agentHost("127.0.0.1").agentPort(port)
            .maxQueueSize(count).flushInterval(1, TimeUnit.HOURS).build())
        .build();
    for (int i = 0; i < count; i++) {
      tracer.buildSpan("before-exit").withTag("index", i).start().finish();
    }
    if (args[2].equals("close-too")) {
      tracer.close();
    }
  }
}
