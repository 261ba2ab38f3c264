package dev.spoor.benchmarks.propagation;

import dev.spoor.SpoorTracer;
import dev.spoor.sampler.ConstSampler;

/**
 * Spoor with exactly one propagation format, by its name in {@code SpoorTracerBuilder.propagation}
 * ({@code jaeger} is built in; {@code w3c} and {@code b3} come from propagation-http).
 */
final class SpoorRoundTrip extends OpenTracingRoundTrip {
  SpoorRoundTrip(String format) {
    super(SpoorTracer.builder("benchmark")
        .sampler(new ConstSampler(true))
        .traceId128Bit(true)
        .propagation(format)
        .build());
  }
}
