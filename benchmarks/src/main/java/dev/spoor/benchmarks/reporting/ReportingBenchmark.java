package dev.spoor.benchmarks.reporting;

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
 * Benchmark 4: spans per second through a tracer's Jaeger UDP sending path. Each operation
 * encodes one finished span into the current datagram; every few hundred operations the full
 * datagram is sent over loopback to a {@link DrainingReceiver}. The work is what a reporter's
 * background thread does per span, done here on the benchmark thread so that all of it is
 * measured, allocation included.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ReportingBenchmark {

  /** The receiver and one tracer's sender, per trial. */
  @State(Scope.Thread)
  public static class Senders {
    /** The sender measured; see {@link SpanSender#create}. */
    @Param({"spoor", "jaeger-client"})
    public String system;

    DrainingReceiver receiver;
    SpanSender sender;

    /** Starts the receiver and builds the sender and its span. */
    @Setup(Level.Trial)
    public void build() throws Exception {
      receiver = DrainingReceiver.start();
      sender = SpanSender.create(system, receiver.port());
    }

    /**
     * Sends what is pending, closes the sender and the receiver, and checks that spans were sent
     * and datagrams arrived.
     */
    @TearDown(Level.Trial)
    public void close() throws Exception {
      sender.close();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (receiver.datagrams() == 0 && System.nanoTime() - deadline < 0) {
        Thread.onSpinWait();
      }
      receiver.close();
      if (sender.spansSent() == 0 || receiver.datagrams() == 0) {
        throw new IllegalStateException(system + " sent " + sender.spansSent()
            + " spans; received: " + receiver);
      }
    }
  }

  /** Appends one finished span: encoded now, sent with its datagram. */
  @Benchmark
  public void sendSpan(Senders senders) throws Exception {
    senders.sender.append();
  }
}
