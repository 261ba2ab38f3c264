package dev.spoor.http;

/**
 * Makes {@code w3c} available to {@code JAEGER_PROPAGATION} and
 * {@code SpoorTracerBuilder.propagation(...)} through {@link java.util.ServiceLoader}: W3C Trace Context and W3C Baggage, {@link W3cTraceContextCodec}.
 */
public final class W3cPropagationProvider extends CodecProvider {
  /** The format's name. */
  public static final String NAME = "w3c";

  /** Called by {@link java.util.ServiceLoader}. */
  public W3cPropagationProvider() {
    super(NAME, W3cTraceContextCodec::new);
  }
}
