/**
 * The root-span sampling benchmark: what deciding a new trace costs under a remote per-operation
 * strategy, next to a plain probabilistic sampler with the same probability.
 */
package dev.spoor.benchmarks.sampling;
