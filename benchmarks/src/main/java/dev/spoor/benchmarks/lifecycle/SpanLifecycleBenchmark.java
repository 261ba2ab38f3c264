package dev.spoor.benchmarks.lifecycle;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Benchmarks 1 and 2: the cost of one traced operation, sampled and not sampled, on one
 * thread and on two threads sharing a tracer. Every thread has a parent span active, so each
 * measured span is a child that joins an existing trace.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpanLifecycleBenchmark {

  /** One tracer per trial, shared by the benchmark threads. */
  @State(Scope.Benchmark)
  public static class Tracers {
    /** The tracer measured; see {@link LifecyclePeer#create}. */
    @Param({"spoor", "jaeger-client", "brave", "otel"})
    public String system;

    /** Whether the sampler records every trace or none. */
    @Param({"true", "false"})
    public boolean sampled;

    LifecyclePeer peer;

    /** Builds the tracer. */
    @Setup(Level.Trial)
    public void build() {
      peer = LifecyclePeer.create(system, sampled);
    }

    /** Checks that the reporter saw exactly the sampled spans, then closes the tracer. */
    @TearDown(Level.Trial)
    public void close() {
      long reported = peer.spansReported();
      peer.close();
      if (sampled == (reported == 0)) {
        throw new IllegalStateException(
            system + " (sampled=" + sampled + ") reported " + reported + " spans");
      }
    }
  }

  /**
   * A parent span active on the benchmark thread. Set up per iteration, because JMH runs a
   * thread's setup on that thread for each iteration but does not promise the same thread twice.
   */
  @State(Scope.Thread)
  public static class ActiveParent {
    LifecyclePeer.ActiveParent parent;

    /** Starts and activates the parent on this benchmark thread. */
    @Setup(Level.Iteration)
    public void activate(Tracers tracers) {
      parent = tracers.peer.activateParent();
    }

    /** Deactivates and finishes the parent. */
    @TearDown(Level.Iteration)
    public void deactivate() {
      parent.close();
    }
  }

  /** One thread: the cost of a span without contention. */
  @Benchmark
  @Threads(1)
  public Object oneThread(Tracers tracers, ActiveParent parent) {
    return tracers.peer.traceChildSpan();
  }

  /** Two threads on one tracer (the machine's two cores): what sharing the tracer costs. */
  @Benchmark
  @Threads(2)
  public Object twoThreads(Tracers tracers, ActiveParent parent) {
    return tracers.peer.traceChildSpan();
  }
}
