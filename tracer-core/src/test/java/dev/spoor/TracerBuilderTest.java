package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.propagation.Extractor;
import dev.spoor.reporter.RemoteReporter;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import io.opentracing.propagation.TextMapExtract;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a builder hands each tracer it builds. */
class TracerBuilderTest {

  @Test
  void givesEachBuiltTracerItsOwnDefaultMetricsAndScopeManager() {
    SpoorTracerBuilder builder = SpoorTracer.builder("svc");
    try (SpoorTracer first = builder.build(); SpoorTracer second = builder.build()) {
      assertNotSame(first.metrics(), second.metrics());
      assertNotSame(first.scopeManager(), second.scopeManager());
    }
  }

  @Test
  void sharesWhatWasSetExplicitly() {
    SpoorMetrics metrics = new SpoorMetrics();
    SpoorTracerBuilder builder = SpoorTracer.builder("svc").metrics(metrics);
    try (SpoorTracer first = builder.build(); SpoorTracer second = builder.build()) {
      assertSame(metrics, first.metrics());
      assertSame(metrics, second.metrics());
    }
  }

  @Test
  void adoptsTheRemoteReportersMetricsWhenNoneWereSet() {
    RemoteReporter reporter = RemoteReporter.builder().agentHost("127.0.0.1").build();
    try (SpoorTracer tracer = SpoorTracer.builder("svc").reporter(reporter).build()) {
      assertSame(reporter.metrics(), tracer.metrics());
    }
  }

  @Test
  void acceptsAnExtractorOfAWiderCarrierType() {
    SpoorSpanContext known = new SpanContextBuilder().traceIdLow(7L).spanId(8L).sampled(true)
        .build();
    Extractor<TextMapExtract> anyTextMap = carrier -> known;
    try (SpoorTracer tracer = SpoorTracer.builder("svc")
        .registerExtractor(Format.Builtin.TEXT_MAP, anyTextMap).build()) {
      assertSame(known, tracer.extract(Format.Builtin.TEXT_MAP,
          new TextMapAdapter(Collections.emptyMap())));
    }
  }

  @Test
  void refusesNullArgumentsNamingThem() {
    SpoorTracerBuilder builder = SpoorTracer.builder("svc");
    assertEquals("processTags == null",
        assertThrows(NullPointerException.class, () -> builder.withTags(null)).getMessage());
    assertEquals("formats == null", assertThrows(NullPointerException.class,
        () -> builder.propagation((String[]) null)).getMessage());
  }

  @Test
  void refusesAProcessTagValueThatIsNotAStringNumberOrBooleanNamingItsKey() {
    Map<String, Object> tags = new LinkedHashMap<>();
    tags.put("region", "eu");
    tags.put("started", new Object());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpoorTracer.builder("svc").withTags(tags));
    assertTrue(e.getMessage().startsWith("tag started has a value of type java.lang.Object"),
        e.getMessage());
  }
}
