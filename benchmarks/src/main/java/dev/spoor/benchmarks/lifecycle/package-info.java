/**
 * The span lifecycle benchmark: start a child of the active span with three tags, activate it,
 * close the scope, finish it and hand it to a reporter that only counts. One small {@link
 * dev.spoor.benchmarks.lifecycle.LifecyclePeer} per tracer does exactly that work with the
 * tracer's own API.
 */
package dev.spoor.benchmarks.lifecycle;
