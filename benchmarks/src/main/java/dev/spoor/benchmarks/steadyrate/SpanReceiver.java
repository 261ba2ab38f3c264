package dev.spoor.benchmarks.steadyrate;

import dev.spoor.benchmarks.steadyrate.PayloadCheck.Payload;
import java.io.IOException;

/**
 * The stand-in for a tracer's backend in the runner's JVM (not the tracer's): takes every payload
 * a child sends, counts its spans ({@link SpanCounting}) and keeps the largest one for
 * {@link PayloadCheck}. A payload that cannot be read is counted as a failure, never as spans.
 */
interface SpanReceiver extends AutoCloseable {
  /** The port on 127.0.0.1 to send to. */
  int port();

  /** Spans counted so far. */
  long spans();

  /** Datagrams or requests received so far. */
  long payloads();

  /** Their bytes, as sent (before decompression). */
  long bytes();

  /** Payloads whose spans could not be counted. */
  long failures();

  /** What the first such failure said, or null. */
  String firstFailure();

  /**
   * The payload with the most spans so far (the first of those; decompressed), or null before
   * one with spans arrives: the one {@link PayloadCheck} decodes in full.
   */
  Payload largestPayload();

  /** Stops receiving and releases the socket. */
  @Override
  void close() throws IOException;

  /** A receiver for {@code tracer}: UDP for the Jaeger tracers, else HTTP. */
  static SpanReceiver start(String tracer) throws IOException {
    return Tracers.sendsUdp(tracer) ? JaegerUdpReceiver.start() : SpanHttpReceiver.start();
  }
}
