package dev.spoor.http;

import dev.spoor.SpoorSpanContext;
import dev.spoor.propagation.TextMapCodec;
import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;

/**
 * What the two B3 codecs share: they read both B3 forms and carry baggage as
 * {@code baggage-{key}} headers; only the way they write ids differs.
 */
abstract class B3Codec implements TextMapCodec {
  B3Codec() {}

  /** Writes the ids and sampling state of {@code context}, which has a trace. */
  abstract void injectIds(SpoorSpanContext context, TextMapInject carrier);

  @Override
  public final void inject(SpoorSpanContext context, TextMapInject carrier) {
    if (context.hasTrace()) {
      injectIds(context, carrier);
    }
    B3Baggage.inject(context.baggage(), carrier);
  }

  @Override
  public final SpoorSpanContext extract(TextMapExtract carrier) {
    return B3Headers.extract(carrier);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
