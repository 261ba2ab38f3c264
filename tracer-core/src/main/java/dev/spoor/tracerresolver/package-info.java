/**
 * Spoor for opentracing-contrib's {@code TracerResolver}:
 * {@link dev.spoor.tracerresolver.SpoorTracerResolver}, registered in
 * {@code META-INF/services/io.opentracing.contrib.tracerresolver.TracerResolver}. Needs the
 * optional {@code io.opentracing.contrib:opentracing-tracerresolver} on the class path; nothing
 * else in Spoor depends on this package. Depends only on {@link dev.spoor.SpoorTracer}'s public
 * API.
 */
package dev.spoor.tracerresolver;
