/**
 * Samplers decide, once per trace, whether it is recorded: {@link dev.spoor.sampler.ConstSampler},
 * {@link dev.spoor.sampler.ProbabilisticSampler} (by trace id, so services agree) and
 * {@link dev.spoor.sampler.RateLimitingSampler} (token bucket). Depends on nothing else in Spoor.
 */
package dev.spoor.sampler;
