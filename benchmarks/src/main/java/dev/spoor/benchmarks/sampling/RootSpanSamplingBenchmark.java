package dev.spoor.benchmarks.sampling;

import com.sun.net.httpserver.HttpServer;
import dev.spoor.SpoorTracer;
import dev.spoor.benchmarks.CountingSpoorReporter;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.sampler.ProbabilisticSampler;
import dev.spoor.sampler.RemoteSampler;
import dev.spoor.sampler.Sampler;
import dev.spoor.scope.MdcScopeManager;
import io.opentracing.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
 * Starting and finishing a root span, so that the sampler decides every time: under a plain
 * {@link ProbabilisticSampler}, and under a {@link RemoteSampler} whose per-operation strategy
 * (served over HTTP by a local endpoint, applied before measuring) gives the benchmark's
 * operation the same probability, with a lower bound of 0 (a static strategies file's) or of one
 * trace a minute (Jaeger's adaptive sampling's default minimum).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RootSpanSamplingBenchmark {
  /** The root span's operation, one of the strategy's listed operations. */
  public static final String OPERATION = "GET /checkout";

  /** One tracer per trial, shared by the benchmark threads. */
  @State(Scope.Benchmark)
  public static class Tracers {
    /**
     * {@code spoor}: a ProbabilisticSampler (the reference the report divides by); {@code
     * spoor-remote-lower-bound-0} and {@code spoor-remote-lower-bound-1-per-min}: a RemoteSampler
     * under a per-operation strategy with that lower bound.
     */
    @Param({"spoor", "spoor-remote-lower-bound-0", "spoor-remote-lower-bound-1-per-min"})
    public String system;

    /** The operation's probability: mostly unsampled roots, or all sampled. */
    @Param({"0.001", "1.0"})
    public double probability;

    SpoorTracer tracer;
    Sampler sampler;
    CountingSpoorReporter reporter;
    SpoorMetrics metrics;
    private HttpServer endpoint;

    /** Builds the tracer; a remote sampler first gets its strategy from a local endpoint. */
    @Setup(Level.Trial)
    public void build() throws InterruptedException {
      metrics = new SpoorMetrics();
      reporter = new CountingSpoorReporter();
      Sampler chosen = system.equals("spoor")
          ? new ProbabilisticSampler(probability) : remoteSampler();
      sampler = chosen;
      tracer = SpoorTracer.builder("benchmark")
          .sampler(chosen)
          .metrics(metrics)
          .reporter(reporter)
          .scopeManager(MdcScopeManager.withoutMdc())
          .build();
      if (chosen instanceof RemoteSampler) {
        tracer.buildSpan("warm-up").start().finish(); // starts the polling thread
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (metrics.get(Metric.SAMPLER_UPDATES) == 0) {
          if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("the remote sampler never got its strategy");
          }
          Thread.sleep(10);
        }
      }
    }

    private RemoteSampler remoteSampler() {
      double lowerBound = system.equals("spoor-remote-lower-bound-0") ? 0.0 : 1.0 / 60;
      StringBuilder json = new StringBuilder("{\"strategyType\":\"PROBABILISTIC\","
          + "\"operationSampling\":{\"defaultSamplingProbability\":0.001,"
          + "\"defaultLowerBoundTracesPerSecond\":" + lowerBound + ",\"perOperationStrategies\":[");
      for (int i = 0; i < 50; i++) {
        json.append("{\"operation\":\"GET /other-").append(i)
            .append("\",\"probabilisticSampling\":{\"samplingRate\":0.01}},");
      }
      json.append("{\"operation\":\"").append(OPERATION)
          .append("\",\"probabilisticSampling\":{\"samplingRate\":").append(probability)
          .append("}}]}}");
      byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
      try {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      endpoint.createContext("/", exchange -> {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      endpoint.start();
      return RemoteSampler.builder("benchmark")
          .endpoint("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/sampling")
          .initialProbability(probability)
          .refreshInterval(1, TimeUnit.HOURS)
          .metrics(metrics)
          .build();
    }

    /** Closes the tracer (and so the remote sampler's thread) and the endpoint. */
    @TearDown(Level.Trial)
    public void close() {
      tracer.close();
      if (endpoint != null) {
        endpoint.stop(0);
      }
      if (probability == 1.0 && reporter.spansReported() == 0) {
        throw new IllegalStateException(system + " sampled nothing at probability 1");
      }
    }
  }

  /** One thread: a root span started and finished, the sampler asked once. */
  @Benchmark
  @Threads(1)
  public Span oneThread(Tracers tracers) {
    Span span = tracers.tracer.buildSpan(OPERATION).start();
    span.finish();
    return span;
  }

  /** Two threads on one tracer and one sampler. */
  @Benchmark
  @Threads(2)
  public Span twoThreads(Tracers tracers) {
    Span span = tracers.tracer.buildSpan(OPERATION).start();
    span.finish();
    return span;
  }
}
