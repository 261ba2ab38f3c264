package dev.spoor.propagation;

/**
 * A named propagation format found through {@link java.util.ServiceLoader}, so that
 * {@code JAEGER_PROPAGATION=jaeger,w3c,b3} can name formats that live in other modules (tracer-core
 * knows only {@code jaeger}). Register an implementation in
 * {@code META-INF/services/dev.spoor.propagation.PropagationProvider}.
 */
public interface PropagationProvider {
  /** The name used in {@code JAEGER_PROPAGATION}, lower case: {@code w3c}, {@code b3}. */
  String name();

  /** A new codec for this format. */
  TextMapCodec codec();
}
