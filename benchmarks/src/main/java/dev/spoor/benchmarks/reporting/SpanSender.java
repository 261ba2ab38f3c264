package dev.spoor.benchmarks.reporting;

import dev.spoor.reporter.UdpSender;

/**
 * One tracer's sending path, driven on the benchmark thread: encode a finished span into the
 * current datagram, and send the datagram over UDP to 127.0.0.1 once it is full. The span is made
 * once, by the tracer itself ({@link dev.spoor.benchmarks.SpanShape#finishedChild}), and appended
 * again and again, so that only encoding and sending are measured.
 */
interface SpanSender extends AutoCloseable {
  /** The largest datagram, the default of both Spoor and jaeger-client-java. */
  int MAX_PACKET_SIZE = 65000;

  /** Appends the finished span; sends the current datagram first when the span would not fit. */
  void append() throws Exception;

  /** Sends the spans appended since the last datagram, if any. */
  void flush() throws Exception;

  /** Spans sent in datagrams so far. */
  long spansSent();

  /** Sends what is pending, then releases the socket. */
  @Override
  void close() throws Exception;

  /** Creates the sender named by the benchmark's {@code system}, sending to {@code port}. */
  static SpanSender create(String system, int port) throws Exception {
    switch (system) {
      case "spoor":
        return new SpoorSpanSender(UdpSender.builder().agentHost("127.0.0.1").agentPort(port)
            .maxPacketSize(MAX_PACKET_SIZE).build());
      case "jaeger-client":
        return new JaegerClientSpanSender(port);
      default:
        throw new IllegalArgumentException("unknown system: " + system);
    }
  }
}
