package dev.spoor.http;

import dev.spoor.propagation.PropagationProvider;
import dev.spoor.propagation.TextMapCodec;

/**
 * Makes {@code w3c} available to {@code JAEGER_PROPAGATION} and
 * {@code SpoorTracerBuilder.propagation(...)} through {@link java.util.ServiceLoader}: W3C Trace Context and W3C Baggage, {@link W3cTraceContextCodec}.
 */
public final class W3cPropagationProvider implements PropagationProvider {
  /** The format's name. */
  public static final String NAME = "w3c";

  /** Called by {@link java.util.ServiceLoader}. */
  public W3cPropagationProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TextMapCodec codec() {
    return new W3cTraceContextCodec();
  }
}
