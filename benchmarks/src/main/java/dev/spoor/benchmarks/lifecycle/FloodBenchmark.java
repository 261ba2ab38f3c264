package dev.spoor.benchmarks.lifecycle;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
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
 * Eight threads finishing sampled spans as fast as they can into each tracer's real UDP reporter,
 * with its default queue and flush interval, sending to a local port where no agent listens: what
 * a flood of spans costs the application when the reporter cannot keep up and drops. Spans per
 * second over all threads. A reporter that drops most spans at a full queue leaves more CPU to
 * these threads than one that takes, encodes and sends them, so the trial prints where Spoor's
 * spans went.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FloodBenchmark {

  /** One tracer per trial, shared by the benchmark threads. */
  @State(Scope.Benchmark)
  public static class Tracers {
    /** The tracer measured: {@code spoor} or {@code jaeger-client}, each with its defaults. */
    @Param({"spoor", "jaeger-client"})
    public String system;

    FloodPeer peer;

    /** Builds the tracer, its reporter sending to a free port nobody listens on. */
    @Setup(Level.Trial)
    public void build() throws Exception {
      int port = freePort();
      switch (system) {
        case "spoor":
          peer = new SpoorFloodPeer(port);
          break;
        case "jaeger-client":
          peer = new JaegerClientFloodPeer(port);
          break;
        default:
          throw new IllegalArgumentException("unknown system: " + system);
      }
    }

    /**
     * Closes the tracer, checks that it accounted for every span it was handed, and prints where
     * they went (the score depends on it; see the class comment).
     */
    @TearDown(Level.Trial)
    public void close() {
      peer.close();
      System.out.println(system + ": " + peer.checkAccounting());
    }
  }

  /** A parent span active on each benchmark thread, per iteration. */
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

  /** One child span with three tags, started, activated and finished, from eight threads. */
  @Benchmark
  @Threads(8)
  public Object eightThreads(Tracers tracers, ActiveParent parent) {
    return tracers.peer.traceChildSpan();
  }

  /** A UDP port that was free a moment ago on 127.0.0.1. */
  static int freePort() throws SocketException {
    try (DatagramSocket socket = new DatagramSocket(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return socket.getLocalPort();
    }
  }

  /** A tracer with its real reporter, for the flood. */
  abstract static class FloodPeer extends OpenTracingLifecycle {
    FloodPeer(io.opentracing.Tracer tracer) {
      super(tracer);
    }

    /**
     * Throws when the tracer's own counters lost track of a span (Spoor only); else says where
     * the spans went, as far as the tracer counts them.
     */
    abstract String checkAccounting();
  }
}
