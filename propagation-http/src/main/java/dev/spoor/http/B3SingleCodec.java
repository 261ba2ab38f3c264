package dev.spoor.http;

import dev.spoor.SpoorSpanContext;
import io.opentracing.propagation.TextMapInject;

/**
 * B3 single-header propagation, the {@code b3-single} format: writes
 * {@code b3: {traceid}-{spanid}[-{sampled}[-{parentspanid}]]} with sampled {@code 1}, {@code 0}
 * or {@code d} (debug). Reads that header and the {@code X-B3-*} headers, like
 * {@link B3MultiCodec}. Baggage travels as {@code baggage-{key}} headers, as jaeger-client-java's
 * B3 codec sends it.
 */
public final class B3SingleCodec extends B3Codec {
  /** The single header's name. */
  public static final String HEADER = B3Headers.SINGLE;

  /** Creates the codec; it holds no state and may be shared. */
  public B3SingleCodec() {}

  @Override
  void injectIds(SpoorSpanContext context, TextMapInject carrier) {
    carrier.put(HEADER, B3Headers.formatSingle(context));
  }
}
