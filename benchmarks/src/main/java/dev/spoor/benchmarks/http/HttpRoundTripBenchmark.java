package dev.spoor.benchmarks.http;

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
 * Benchmark 5: the time of one HTTP request and response over loopback, traced on both
 * sides by Spoor's wrappers and untraced, so that the report shows tracing's overhead per request.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class HttpRoundTripBenchmark {

  /** A server and a client per trial. */
  @State(Scope.Thread)
  public static class Exchange {
    /** {@code untraced} (the baseline) or {@code spoor}; see {@link LoopbackExchange#create}. */
    @Param({"untraced", "spoor"})
    public String system;

    LoopbackExchange exchange;

    /** Starts the server and builds the client. */
    @Setup(Level.Trial)
    public void start() throws Exception {
      exchange = LoopbackExchange.create(system);
    }

    /** Stops them, after checking that a traced run reported spans and an untraced one none. */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
      long reported = exchange.spansReported();
      exchange.close();
      if (system.equals("untraced") != (reported == 0)) {
        throw new IllegalStateException(system + " reported " + reported + " spans");
      }
    }
  }

  /** One request and its response; returns the status code. */
  @Benchmark
  public int roundTrip(Exchange exchange) throws Exception {
    return exchange.exchange.roundTrip();
  }
}
