package dev.spoor.http.interop;

/**
 * The Node peers of {@code src/test/node/propagators.js}, each paired with the Spoor propagation
 * format that speaks its headers, and what its format or library can carry.
 */
enum NodePeer {
  JAEGER_CLIENT("jaeger-client", "jaeger", true, true, true),
  OTEL_JAEGER("otel-jaeger", "jaeger", false, true, false),
  OTEL_W3C("otel-w3c", "w3c", false, true, false),
  OTEL_B3_MULTI("otel-b3-multi", "b3", true, false, false),
  OTEL_B3_SINGLE("otel-b3-single", "b3-single", true, false, false);

  /**
   * Whether the peer's format carries W3C Trace Context Level 2's random trace-flag: only
   * traceparent has it (OpenTelemetry's W3C propagator reads and writes the whole flags byte).
   */
  boolean randomFlag() {
    return this == OTEL_W3C;
  }

  /** Whether the peer's library keeps trace flags at all (jaeger-client has no such notion). */
  boolean keepsTraceFlags() {
    return this != JAEGER_CLIENT;
  }

  /** The peer's name in propagators.js. */
  final String script;
  /** The Spoor propagation format ({@code SpoorTracer.builder().propagation(...)}). */
  final String format;
  /** Whether the peer reads and writes a debug flag (W3C and OTel's Jaeger propagator have none). */
  final boolean debug;
  /** Whether the peer carries baggage in this format (OTel's B3 propagator carries none). */
  final boolean baggage;
  /** Whether the peer keeps a 64-bit trace id at 16 hex digits (OpenTelemetry pads to 32). */
  final boolean keeps64BitIds;

  NodePeer(String script, String format, boolean debug, boolean baggage, boolean keeps64BitIds) {
    this.script = script;
    this.format = format;
    this.debug = debug;
    this.baggage = baggage;
    this.keeps64BitIds = keeps64BitIds;
  }

  /** The library that does the work, for the report. */
  String library() {
    switch (this) {
      case JAEGER_CLIENT:
        return "jaeger-client (HTTP_HEADERS codec)";
      case OTEL_JAEGER:
        return "@opentelemetry/propagator-jaeger";
      case OTEL_W3C:
        return "@opentelemetry/core W3C trace context + baggage";
      default:
        return "@opentelemetry/propagator-b3 (" + (this == OTEL_B3_MULTI ? "multi" : "single")
            + ")";
    }
  }
}
