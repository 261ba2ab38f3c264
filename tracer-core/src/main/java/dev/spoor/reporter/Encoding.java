package dev.spoor.reporter;

/**
 * The wire formats Spoor writes, hand-written (no Thrift or protobuf library at run time) and
 * checked in tests against the official decoders. A {@link Sender} names the one it carries;
 * the reporter makes one encoder of it per reporter thread.
 */
public enum Encoding {
  /**
   * Jaeger's {@code Agent.emitBatch} one-way call in Thrift compact, one per UDP datagram
   * (jaeger-idl {@code agent.thrift}, {@code jaeger.thrift}).
   */
  JAEGER_THRIFT_COMPACT {
    @Override
    SpanEncoder newEncoder(int initialCapacity) {
      return new JaegerAgentEncoder(initialCapacity);
    }
  },
  /**
   * A jaeger.thrift {@code Batch} in Thrift binary, as the Jaeger collector's {@code POST
   * /api/traces} takes it ({@code application/x-thrift}).
   */
  JAEGER_THRIFT_BINARY {
    @Override
    SpanEncoder newEncoder(int initialCapacity) {
      return new JaegerCollectorEncoder(initialCapacity);
    }
  },
  /**
   * An OTLP {@code ExportTraceServiceRequest} in protobuf, as OTLP/HTTP's {@code POST
   * /v1/traces} takes it ({@code application/x-protobuf}).
   */
  OTLP_PROTOBUF {
    @Override
    SpanEncoder newEncoder(int initialCapacity) {
      return new OtlpSpanEncoder(initialCapacity);
    }
  };

  /** A new encoder of this format for one thread, its span buffer sized {@code initialCapacity}. */
  abstract SpanEncoder newEncoder(int initialCapacity);
}
