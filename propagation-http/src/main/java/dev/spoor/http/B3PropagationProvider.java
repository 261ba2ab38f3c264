package dev.spoor.http;

/**
 * Makes {@code b3} available to {@code JAEGER_PROPAGATION} and
 * {@code SpoorTracerBuilder.propagation(...)} through {@link java.util.ServiceLoader}: B3 multi-header, {@link B3MultiCodec}.
 */
public final class B3PropagationProvider extends CodecProvider {
  /** The format's name. */
  public static final String NAME = "b3";

  /** Called by {@link java.util.ServiceLoader}. */
  public B3PropagationProvider() {
    super(NAME, B3MultiCodec::new);
  }
}
