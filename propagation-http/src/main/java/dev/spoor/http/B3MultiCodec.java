package dev.spoor.http;

import dev.spoor.SpoorSpanContext;
import io.opentracing.propagation.TextMapInject;

/**
 * B3 multi-header propagation, the {@code b3} format (as jaeger-client-java's
 * {@code JAEGER_PROPAGATION=b3}): writes {@code X-B3-TraceId} (16 or 32 hex digits),
 * {@code X-B3-SpanId}, {@code X-B3-ParentSpanId}, and {@code X-B3-Sampled: 1|0} or, for a debug
 * trace, {@code X-B3-Flags: 1}. Reads those and the single {@code b3} header (preferred when both
 * are present, as Brave does). A context without a sampling decision leaves it to the local
 * sampler. Baggage travels as {@code baggage-{key}} headers, as jaeger-client-java's B3 codec
 * sends it.
 */
public final class B3MultiCodec extends B3Codec {
  /** Creates the codec; it holds no state and may be shared. */
  public B3MultiCodec() {}

  @Override
  void injectIds(SpoorSpanContext context, TextMapInject carrier) {
    B3Headers.injectMulti(context, carrier);
  }
}
