/**
 * Carries the active span across threads: {@link dev.spoor.concurrent.TaskTracing} wraps tasks,
 * executors, scheduled executors and {@code CompletableFuture} chains so that work submitted under
 * a span runs under that span (and its MDC values) on the worker thread, optionally in a
 * {@code follows_from} child span of its own.
 *
 * <p>Depends only on the OpenTracing API and {@code dev.spoor.internal}; works with any
 * {@link io.opentracing.Tracer}. Only {@code TaskTracing} is API; the wrappers are package-private.
 */
package dev.spoor.concurrent;
