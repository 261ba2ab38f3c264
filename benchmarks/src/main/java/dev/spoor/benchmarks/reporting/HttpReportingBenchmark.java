package dev.spoor.benchmarks.reporting;

import com.sun.management.OperatingSystemMXBean;
import dev.spoor.reporter.JaegerHttpSender;
import dev.spoor.reporter.OtlpHttpSender;
import java.lang.management.ManagementFactory;
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
 * Spans per second through each tracer's HTTP export path to a {@link DrainingHttpServer} on
 * 127.0.0.1: Spoor's OTLP/HTTP against the OpenTelemetry SDK's {@code BatchSpanProcessor} work
 * with {@code OtlpHttpSpanExporter}, and Spoor's Jaeger collector sender against
 * jaeger-client-java's {@code HttpSender}. Each operation adds one finished span to the current
 * batch; a full batch is POSTed and its answer waited for. Done on the benchmark thread, so the
 * score and {@code -prof gc}'s allocation hold the whole path; the process CPU time per span
 * (all threads: the sender's, an HTTP client's own threads, the server's) is printed at the
 * end of each trial.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class HttpReportingBenchmark {

  /** The server and one tracer's sender, per trial. */
  @State(Scope.Thread)
  public static class Senders {
    /** The path measured; see {@link #create}. */
    @Param({"spoor-otlp", "otel-otlp", "otel-otlp-jdk", "spoor-jaeger-http",
        "jaeger-client-http"})
    public String system;

    DrainingHttpServer server;
    SpanSender sender;
    private long cpuAtStart;
    private long sentAtStart;
    private long iterationCpu;
    private long iterationSent;

    /** Starts the server and builds the sender and its span. */
    @Setup(Level.Trial)
    public void build() throws Exception {
      server = DrainingHttpServer.start();
      sender = create(system, server.url());
      cpuAtStart = processCpuNanos();
      sentAtStart = sender.spansSent();
    }

    /** Marks the iteration's start, for its CPU time per span. */
    @Setup(Level.Iteration)
    public void startIteration() {
      iterationCpu = processCpuNanos();
      iterationSent = sender.spansSent();
    }

    /**
     * Prints the iteration's process CPU time per span sent (all threads; the last iterations
     * are the measured ones).
     */
    @TearDown(Level.Iteration)
    public void endIteration() {
      long spans = sender.spansSent() - iterationSent;
      if (spans > 0) {
        System.out.printf("%n%s iteration: %.1f CPU ns per span sent (%d spans)%n", system,
            (double) (processCpuNanos() - iterationCpu) / spans, spans);
      }
    }

    static SpanSender create(String system, String url) throws Exception {
      switch (system) {
        case "spoor-otlp":
          return new SpoorSpanSender(OtlpHttpSender.builder(OtlpHttpSender.tracesUrl(url))
              .build());
        case "otel-otlp":
          return new OtelOtlpSpanSender(url, OtelOtlpSpanSender.OKHTTP);
        case "otel-otlp-jdk":
          return new OtelOtlpSpanSender(url, OtelOtlpSpanSender.JDK);
        case "spoor-jaeger-http":
          return new SpoorSpanSender(JaegerHttpSender.builder(url + "/api/traces").build());
        case "jaeger-client-http":
          return new JaegerClientHttpSpanSender(url);
        default:
          throw new IllegalArgumentException("unknown system: " + system);
      }
    }

    /** Sends what is pending, prints CPU per span, closes, checks that spans arrived. */
    @TearDown(Level.Trial)
    public void close() throws Exception {
      long spans = sender.spansSent() - sentAtStart;
      long cpu = processCpuNanos() - cpuAtStart;
      if (spans > 0) {
        System.out.printf("%n%s: %d spans sent, process CPU %.1f ns per span, %s%n", system,
            spans, (double) cpu / spans, server);
      }
      sender.close();
      server.close();
      if (sender.spansSent() == 0 || server.requests() == 0) {
        throw new IllegalStateException(system + " sent " + sender.spansSent() + " spans; "
            + server);
      }
    }

    private static long processCpuNanos() {
      return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }
  }

  /** Adds one finished span to the batch; a full batch is sent. */
  @Benchmark
  public void sendSpan(Senders senders) throws Exception {
    senders.sender.append();
  }
}
