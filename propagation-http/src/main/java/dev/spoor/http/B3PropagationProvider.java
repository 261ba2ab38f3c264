package dev.spoor.http;

import dev.spoor.propagation.PropagationProvider;
import dev.spoor.propagation.TextMapCodec;

/**
 * Makes {@code b3} available to {@code JAEGER_PROPAGATION} and
 * {@code SpoorTracerBuilder.propagation(...)} through {@link java.util.ServiceLoader}: B3 multi-header, {@link B3MultiCodec}.
 */
public final class B3PropagationProvider implements PropagationProvider {
  /** The format's name. */
  public static final String NAME = "b3";

  /** Called by {@link java.util.ServiceLoader}. */
  public B3PropagationProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TextMapCodec codec() {
    return new B3MultiCodec();
  }
}
