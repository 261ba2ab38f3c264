/**
 * Samplers decide, once per trace, whether it is recorded: {@link dev.spoor.sampler.ConstSampler},
 * {@link dev.spoor.sampler.ProbabilisticSampler} (by trace id, so services agree),
 * {@link dev.spoor.sampler.RateLimitingSampler} (token bucket) and
 * {@link dev.spoor.sampler.RemoteSampler}, which takes probabilistic, rate-limiting or
 * per-operation strategies from a Jaeger sampling endpoint (polled over HTTP on its own thread,
 * read with Spoor's internal JSON reader). Depends only on {@code dev.spoor.metrics} (through
 * {@code SamplerCounters}) and {@code dev.spoor.internal}.
 */
package dev.spoor.sampler;
