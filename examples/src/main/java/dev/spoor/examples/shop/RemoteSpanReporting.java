package dev.spoor.examples.shop;

import dev.spoor.reporter.RemoteReporter;
import dev.spoor.reporter.OtlpHttpSender;
import dev.spoor.reporter.Reporter;
import dev.spoor.reporter.Sender;
import dev.spoor.reporter.UdpSender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's reporting: for each service, Spoor's {@link RemoteReporter} sending Jaeger Thrift
 * compact datagrams over UDP to the chosen {@link AgentEndpoint}, or OTLP/HTTP protobuf when the
 * endpoint is an OTLP one ({@code OTEL_EXPORTER_OTLP_ENDPOINT}), exactly as a deployed service
 * would (with a shorter flush interval, so each request's trace can be drawn at once).
 *
 * <p>{@link #flush()} asks each reporter to send what it holds ({@link RemoteReporter#flush()}),
 * so every span finished before the call is sent, or counted as dropped, when it returns.
 */
final class RemoteSpanReporting implements SpanReporting {
  /**
   * How long a span may wait in a reporter before it is sent: short, so the demo can draw a
   * trace right after its request, yet long enough to pack a request's spans in few datagrams.
   * (Spoor's default, 1 s, suits a service.)
   */
  static final Duration FLUSH_INTERVAL = Duration.ofMillis(50);
  private static final Logger logger = LoggerFactory.getLogger(RemoteSpanReporting.class);

  private final AgentEndpoint agent;
  private final List<RemoteReporter> reporters = new CopyOnWriteArrayList<>();

  /** Reporting to {@code agent}. */
  RemoteSpanReporting(AgentEndpoint agent) {
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
   * Sends what every reporter holds, waiting at most each reporter's close timeout; a reporter
   * that does not get there is named in a warning, and the demo goes on.
   */
  @Override
  public void flush() {
    for (RemoteReporter reporter : reporters) {
      if (!reporter.flush()) {
        logger.warn("{} did not finish sending in time: {}", reporter, reporter.metrics());
      }
    }
  }

  @Override
  public String toString() {
    return "RemoteSpanReporting{agent=" + agent + ", reporters=" + reporters.size() + "}";
  }
}
