package dev.spoor.examples.shop;

import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.RemoteReporter;
import dev.spoor.reporter.OtlpHttpSender;
import dev.spoor.reporter.Reporter;
import dev.spoor.reporter.Sender;
import dev.spoor.reporter.UdpSender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's reporting: for each service, Spoor's {@link RemoteReporter} sending Jaeger Thrift
 * compact datagrams over UDP to the chosen {@link AgentEndpoint}, or OTLP/HTTP protobuf when the
 * endpoint is an OTLP one ({@code OTEL_EXPORTER_OTLP_ENDPOINT}), exactly as a deployed service
 * would (with a shorter flush interval, so each request's trace can be drawn at once).
 *
 * <p>{@link #flush()} waits until each reporter has accounted for every span its tracer handed
 * it: the tracer counts a span as reported in the reporter's {@link SpoorMetrics} (a tracer built
 * with a {@code RemoteReporter} shares its metrics), and the reporter counts it as sent or as
 * dropped.
 */
final class UdpSpanReporting implements SpanReporting {
  /**
   * How long a span may wait in a reporter before it is sent: short, so the demo can draw a
   * trace right after its request, yet long enough to pack a request's spans in few datagrams.
   * (Spoor's default, 1 s, suits a service.)
   */
  static final Duration FLUSH_INTERVAL = Duration.ofMillis(50);
  /** How long {@link #flush()} waits for the reporters before it gives up with a warning. */
  static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);
  /** Pause between two looks at the counters while flushing. */
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private static final Logger logger = LoggerFactory.getLogger(UdpSpanReporting.class);

  private final AgentEndpoint agent;
  private final List<RemoteReporter> reporters = new CopyOnWriteArrayList<>();

  /** Reporting to {@code agent}. */
  UdpSpanReporting(AgentEndpoint agent) {
    if (agent == null) {
      throw new NullPointerException("agent == null");
    }
    this.agent = agent;
  }

  /** A new reporter for {@code serviceName}'s tracer; the tracer closes it, sending what it holds. */
  @Override
  public Reporter reporter(String serviceName) {
    Sender sender = agent.otlpEndpoint() != null
        ? OtlpHttpSender.builder(OtlpHttpSender.tracesUrl(agent.otlpEndpoint())).build()
        : UdpSender.builder().agentHost(agent.host()).agentPort(agent.port()).build();
    RemoteReporter reporter = RemoteReporter.builder()
        .sender(sender)
        .flushInterval(FLUSH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)
        .build();
    reporters.add(reporter);
    return reporter;
  }

  /**
   * Waits, at most {@link #FLUSH_TIMEOUT}, until every span reported so far has been sent or
   * dropped; the reporters send on their flush interval. A reporter that does not get there is
   * named in a warning, and the demo goes on.
   */
  @Override
  public void flush() {
    long deadline = System.nanoTime() + FLUSH_TIMEOUT.toNanos();
    for (RemoteReporter reporter : reporters) {
      while (!settled(reporter.metrics())) {
        if (System.nanoTime() - deadline >= 0) {
          logger.warn("{} still holds spans after {} s: {}", reporter,
              FLUSH_TIMEOUT.toSeconds(), reporter.metrics());
          return;
        }
        LockSupport.parkNanos(POLL_NANOS);
      }
    }
  }

  /** True when every span the tracer reported is counted as sent or dropped. */
  private static boolean settled(SpoorMetrics metrics) {
    long accounted = metrics.get(Metric.SPANS_SENT)
        + metrics.get(Metric.SPANS_DROPPED_QUEUE_FULL)
        + metrics.get(Metric.SPANS_DROPPED_TOO_LARGE)
        + metrics.get(Metric.SPANS_DROPPED_AFTER_CLOSE)
        + metrics.get(Metric.SPANS_DROPPED_SEND_FAILED);
    return accounted >= metrics.get(Metric.SPANS_REPORTED);
  }

  @Override
  public String toString() {
    return "UdpSpanReporting{agent=" + agent + ", reporters=" + reporters.size() + "}";
  }
}
