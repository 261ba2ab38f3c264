package dev.spoor.benchmarks.propagation;

import brave.Tracing;
import brave.baggage.BaggageField;
import brave.baggage.BaggagePropagation;
import brave.baggage.BaggagePropagationConfig.SingleBaggageField;
import brave.propagation.B3Propagation;
import brave.propagation.TraceContext;
import brave.sampler.Sampler;
import java.util.HashMap;
import java.util.Map;

/**
 * Brave with {@code B3Propagation} (multiple {@code X-B3-*} headers, its default) wrapped by
 * {@code BaggagePropagation} with one remote field per baggage item, each its own header.
 */
final class BraveRoundTrip implements PropagationRoundTrip {
  private final TraceContext context;
  private final TraceContext.Injector<Map<String, String>> injector;
  private final TraceContext.Extractor<Map<String, String>> extractor;
  private final Map<String, String> headers = new HashMap<>();

  BraveRoundTrip(String format) {
    if (!format.equals("b3")) {
      throw PropagationRoundTrip.unsupported("brave", format);
    }
    BaggageField first = BaggageField.create(BAGGAGE[0]);
    BaggageField second = BaggageField.create(BAGGAGE[2]);
    Tracing tracing = Tracing.newBuilder()
        .localServiceName("benchmark")
        .sampler(Sampler.ALWAYS_SAMPLE)
        .traceId128Bit(true)
        .propagationFactory(BaggagePropagation.newFactoryBuilder(B3Propagation.FACTORY)
            .add(SingleBaggageField.remote(first))
            .add(SingleBaggageField.remote(second))
            .build())
        .build();
    context = tracing.tracer().nextSpan().context();
    first.updateValue(context, BAGGAGE[1]);
    second.updateValue(context, BAGGAGE[3]);
    injector = tracing.propagation().injector(Map::put);
    extractor = tracing.propagation().extractor(Map::get);
  }

  @Override
  public Object injectAndExtract() {
    headers.clear();
    injector.inject(context, headers);
    return extractor.extract(headers);
  }

  @Override
  public Map<String, String> headers() {
    return headers;
  }
}
