package dev.spoor.propagation;

import dev.spoor.SpoorSpanContext;
import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;
import java.util.Arrays;
import java.util.List;

/**
 * Several formats at once: inject writes every format; extract tries each in order and returns the
 * first valid context. A malformed header in one format does not hide a valid one in the next; when
 * none is valid, the first error is thrown.
 */
public final class CompositeTextMapCodec implements TextMapCodec {
  private final TextMapCodec[] codecs;

  /** @param codecs the formats, in extraction order */
  public CompositeTextMapCodec(List<TextMapCodec> codecs) {
    if (codecs == null) {
      throw new NullPointerException("codecs == null");
    }
    if (codecs.isEmpty()) {
      throw new IllegalArgumentException("codecs is empty");
    }
    this.codecs = codecs.toArray(new TextMapCodec[0]);
    for (int i = 0; i < this.codecs.length; i++) {
      if (this.codecs[i] == null) {
        throw new NullPointerException("codecs[" + i + "] == null");
      }
    }
  }

  /** The formats, in order. */
  public List<TextMapCodec> codecs() {
    return Arrays.asList(codecs.clone());
  }

  @Override
  public void inject(SpoorSpanContext context, TextMapInject carrier) {
    for (TextMapCodec codec : codecs) {
      codec.inject(context, carrier);
    }
  }

  @Override
  public SpoorSpanContext extract(TextMapExtract carrier) {
    MalformedContextException firstError = null;
    SpoorSpanContext partial = null;
    for (TextMapCodec codec : codecs) {
      SpoorSpanContext context;
      try {
        context = codec.extract(carrier);
      } catch (MalformedContextException e) {
        if (firstError == null) {
          firstError = e;
        }
        continue;
      }
      if (context == null) {
        continue;
      }
      if (context.hasTrace()) {
        return context;
      }
      if (partial == null) {
        partial = context; // baggage or debug id only: keep looking for a full context
      }
    }
    if (partial != null) {
      return partial;
    }
    if (firstError != null) {
      throw firstError;
    }
    return null;
  }

  @Override
  public String toString() {
    return "CompositeTextMapCodec" + Arrays.toString(codecs);
  }
}
