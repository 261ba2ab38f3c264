package dev.spoor.http;

/**
 * Makes {@code b3-single} available to {@code JAEGER_PROPAGATION} and
 * {@code SpoorTracerBuilder.propagation(...)} through {@link java.util.ServiceLoader}: B3 single header, {@link B3SingleCodec}.
 */
public final class B3SinglePropagationProvider extends CodecProvider {
  /** The format's name. */
  public static final String NAME = "b3-single";

  /** Called by {@link java.util.ServiceLoader}. */
  public B3SinglePropagationProvider() {
    super(NAME, B3SingleCodec::new);
  }
}
