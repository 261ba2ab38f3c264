package dev.spoor.tracerresolver;

import dev.spoor.SpoorTracer;
import dev.spoor.internal.LibraryLogger;
import io.opentracing.Tracer;
import io.opentracing.contrib.tracerresolver.TracerResolver;

/**
 * Lets code that looks its tracer up with opentracing-contrib's
 * {@code TracerResolver.resolveTracer()} (the Spring starters, and other OpenTracing
 * integrations) find Spoor, configured from jaeger-client-java's {@code JAEGER_*} variables by
 * {@link SpoorTracer#fromEnv()}. Found through {@link java.util.ServiceLoader}: having
 * opentracing-tracerresolver and tracer-core on the class path is all it takes.
 *
 * <p>Every call answers the same tracer until it is closed, so that two integrations resolving
 * in one process do not start two reporters. {@code JAEGER_DISABLED=true} gives the disabled
 * tracer {@code fromEnv()} makes (it records nothing but keeps propagating ids). A bad
 * configuration does not stop the application: it is logged as an error naming the variable,
 * and the resolver answers null, so {@code TracerResolver} goes on to other resolvers and the
 * application starts untraced (with the starters, on a no-op tracer).
 */
public final class SpoorTracerResolver extends TracerResolver {
  private static final LibraryLogger LOG = LibraryLogger.of(SpoorTracerResolver.class);
  private static SpoorTracer resolved; // guarded by SpoorTracerResolver.class

  /** Called by {@link java.util.ServiceLoader}. */
  public SpoorTracerResolver() {}

  /**
   * The tracer of this process from {@code JAEGER_*} variables, or null when they are invalid.
   * {@code TracerResolver} calls it; it is not meant to be called directly.
   */
  @Override
  @SuppressWarnings("deprecation") // TracerResolver.resolve(), the one method every 0.1.x has
  protected Tracer resolve() {
    return resolveFromEnv();
  }

  static synchronized SpoorTracer resolveFromEnv() {
    if (resolved != null && !resolved.isClosed()) {
      return resolved;
    }
    try {
      resolved = SpoorTracer.fromEnv();
      return resolved;
    } catch (IllegalArgumentException e) {
      LOG.error("Spoor could not configure a tracer from the environment: {}. The application "
          + "runs without Spoor's tracing until this is fixed (TracerResolver tries other "
          + "resolvers, else leaves it to the caller, e.g. a no-op tracer)", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Spoor could not configure a tracer from the environment; the application runs "
          + "without Spoor's tracing", e);
    }
    return null;
  }
}
