package dev.spoor.benchmarks.propagation;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Benchmark 3: inject then extract a context with two baggage items through a header map,
 * one benchmark per wire format, one row per tracer that speaks it. To measure another tracer in
 * a format, add its name to that format's {@code system} list.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class PropagationBenchmark {

  /** {@code uber-trace-id} and {@code uberctx-*} headers. */
  @State(Scope.Thread)
  public static class JaegerFormat {
    /** The tracer measured; see {@link PropagationRoundTrip#create}. */
    @Param({"spoor", "jaeger-client", "otel"})
    public String system;

    PropagationRoundTrip roundTrip;

    /** Builds the tracer and the context to propagate. */
    @Setup
    public void build() {
      roundTrip = PropagationRoundTrip.create(system, "jaeger");
    }
  }

  /** {@code traceparent} and {@code baggage} headers (W3C Trace Context and W3C Baggage). */
  @State(Scope.Thread)
  public static class W3cFormat {
    /** The tracer measured; see {@link PropagationRoundTrip#create}. */
    @Param({"spoor", "otel"})
    public String system;

    PropagationRoundTrip roundTrip;

    /** Builds the tracer and the context to propagate. */
    @Setup
    public void build() {
      roundTrip = PropagationRoundTrip.create(system, "w3c");
    }
  }

  /** {@code X-B3-*} headers, with each tracer's own way of carrying baggage beside them. */
  @State(Scope.Thread)
  public static class B3Format {
    /** The tracer measured; see {@link PropagationRoundTrip#create}. */
    @Param({"spoor", "jaeger-client", "brave", "otel"})
    public String system;

    PropagationRoundTrip roundTrip;

    /** Builds the tracer and the context to propagate. */
    @Setup
    public void build() {
      roundTrip = PropagationRoundTrip.create(system, "b3");
    }
  }

  /** Jaeger format. */
  @Benchmark
  public Object jaeger(JaegerFormat format) {
    return format.roundTrip.injectAndExtract();
  }

  /** W3C format. */
  @Benchmark
  public Object w3c(W3cFormat format) {
    return format.roundTrip.injectAndExtract();
  }

  /** B3 format. */
  @Benchmark
  public Object b3(B3Format format) {
    return format.roundTrip.injectAndExtract();
  }
}
