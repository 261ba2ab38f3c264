package dev.spoor.http.wrappers;

import java.util.Map;

/**
 * Another tracing library on the far side of an HTTP hop, writing and reading its own headers with
 * its own code: the real peer a Spoor wrapper has to interoperate with.
 */
interface HttpPeer {
  /** The baggage item every peer span carries, and every peer is asked to read. */
  String BAGGAGE_KEY = "user";
  String BAGGAGE_VALUE = "alice";

  /**
   * Starts a sampled span carrying {@link #BAGGAGE_KEY} and writes its headers into {@code headers}.
   *
   * @return the ids of the span whose context was written
   */
  PeerContext startAndInject(Map<String, String> headers);

  /** Reads {@code headers} (lower-case names, looked up case-insensitively) with its own code. */
  PeerContext extract(Map<String, String> headers);

  /** What a peer holds of a span context: its ids, sampling and our one baggage item. */
  record PeerContext(long traceIdHigh, long traceIdLow, long spanId, boolean sampled,
      String baggage) {}
}
