package dev.spoor.http;

import dev.spoor.propagation.PropagationProvider;
import dev.spoor.propagation.TextMapCodec;

/**
 * Makes {@code b3-single} available to {@code JAEGER_PROPAGATION} and
 * {@code SpoorTracerBuilder.propagation(...)} through {@link java.util.ServiceLoader}: B3 single header, {@link B3SingleCodec}.
 */
public final class B3SinglePropagationProvider implements PropagationProvider {
  /** The format's name. */
  public static final String NAME = "b3-single";

  /** Called by {@link java.util.ServiceLoader}. */
  public B3SinglePropagationProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TextMapCodec codec() {
    return new B3SingleCodec();
  }
}
