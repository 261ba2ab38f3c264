package dev.spoor.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spoor.SpoorTracer;
import dev.spoor.reporter.InMemoryReporter;
import io.jaegertracing.internal.metrics.Counter;
import io.jaegertracing.internal.metrics.Gauge;
import io.jaegertracing.internal.metrics.Metrics;
import io.jaegertracing.internal.metrics.Timer;
import io.jaegertracing.spi.MetricsFactory;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The real peer names the meters: jaeger-client-java 1.8.1's own {@code Metrics} class creates
 * its meters through a factory that writes down each name and tag set (what jaeger-micrometer's
 * factory turned into Micrometer meters), and {@link SpoorTracerMetrics} must register exactly
 * those, less the four it documents as not observed.
 */
class JaegerMeterNamesTest {
  /** Each of jaeger-client-java's meters as {@code name{k=v,...}} with sorted tags. */
  private static Set<String> jaegerClientsMeters() {
    Set<String> meters = new TreeSet<>();
    new Metrics(new MetricsFactory() {
      @Override
      public Counter createCounter(String name, Map<String, String> tags) {
        meters.add(name + new TreeMap<>(tags));
        return delta -> {};
      }

      @Override
      public Timer createTimer(String name, Map<String, String> tags) {
        meters.add(name + new TreeMap<>(tags));
        return micros -> {};
      }

      @Override
      public Gauge createGauge(String name, Map<String, String> tags) {
        meters.add(name + new TreeMap<>(tags));
        return amount -> {};
      }
    });
    return meters;
  }

  private static Set<String> spoorsJaegerMeters() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (SpoorTracer tracer = SpoorTracer.builder("names").reporter(new InMemoryReporter())
        .closeOnShutdown(false).build()) {
      new SpoorTracerMetrics(tracer).bindTo(registry);
    }
    Set<String> meters = new TreeSet<>();
    for (Meter meter : registry.getMeters()) {
      if (meter.getId().getName().startsWith("jaeger_")) {
        Map<String, String> tags = new TreeMap<>();
        for (Tag tag : meter.getId().getTags()) {
          tags.put(tag.getKey(), tag.getValue());
        }
        meters.add(meter.getId().getName() + tags);
      }
    }
    return meters;
  }

  @Test
  void registersJaegerClientJavasNamesAndTagsLessTheFourSpoorDoesNotObserve() {
    Set<String> expected = jaegerClientsMeters();
    assertEquals(21, expected.size(), expected::toString);
    expected.remove("jaeger_tracer_traces{sampled=y, state=joined}");
    expected.remove("jaeger_tracer_traces{sampled=n, state=joined}");
    expected.remove("jaeger_tracer_sampler_updates{result=err}");
    expected.remove("jaeger_tracer_baggage_updates{result=ok}");
    expected.remove("jaeger_tracer_baggage_restrictions_updates{result=ok}");
    expected.remove("jaeger_tracer_baggage_restrictions_updates{result=err}");

    assertEquals(expected, spoorsJaegerMeters());
  }
}
