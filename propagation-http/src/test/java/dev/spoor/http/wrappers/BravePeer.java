package dev.spoor.http.wrappers;

import brave.baggage.BaggageField;
import brave.baggage.BaggagePropagation;
import brave.baggage.BaggagePropagationConfig.SingleBaggageField;
import brave.propagation.B3Propagation;
import brave.propagation.Propagation;
import brave.propagation.TraceContext;
import brave.propagation.TraceContextOrSamplingFlags;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Brave's B3 multi-header propagation with one baggage field sent as {@code baggage-user}, the
 * prefixed-header convention Spoor's {@code b3} format shares with jaeger-client-java.
 */
final class BravePeer implements HttpPeer {
  private static final BaggageField USER = BaggageField.create(BAGGAGE_KEY);
  private static final Propagation.Factory FACTORY =
      BaggagePropagation.newFactoryBuilder(B3Propagation.FACTORY)
          .add(SingleBaggageField.newBuilder(USER).addKeyName("baggage-" + BAGGAGE_KEY).build())
          .build();
  private static final Propagation<String> PROPAGATION = FACTORY.get();

  @Override
  public PeerContext startAndInject(Map<String, String> headers) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    TraceContext context = FACTORY.decorate(TraceContext.newBuilder()
        .traceIdHigh(random.nextLong() | 1).traceId(random.nextLong() | 1)
        .spanId(random.nextLong() | 1).sampled(true).build());
    USER.updateValue(context, BAGGAGE_VALUE);
    PROPAGATION.<Map<String, String>>injector(Map::put).inject(context, headers);
    return new PeerContext(context.traceIdHigh(), context.traceId(), context.spanId(),
        Boolean.TRUE.equals(context.sampled()), USER.getValue(context));
  }

  @Override
  public PeerContext extract(Map<String, String> headers) {
    TraceContextOrSamplingFlags extracted =
        PROPAGATION.<Map<String, String>>extractor(Map::get).extract(headers);
    TraceContext context = extracted.context();
    if (context == null) {
      return new PeerContext(0, 0, 0, Boolean.TRUE.equals(extracted.sampled()),
          USER.getValue(extracted));
    }
    return new PeerContext(context.traceIdHigh(), context.traceId(), context.spanId(),
        Boolean.TRUE.equals(context.sampled()), USER.getValue(context));
  }

  @Override
  public String toString() {
    return "Brave B3";
  }
}
