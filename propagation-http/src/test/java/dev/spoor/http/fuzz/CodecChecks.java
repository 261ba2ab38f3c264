package dev.spoor.http.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.spoor.Limits;
import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.propagation.MalformedContextException;
import dev.spoor.propagation.TextMapCodec;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import io.opentracing.propagation.TextMapExtract;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every codec must do with any input: the codec itself throws nothing but
 * {@link MalformedContextException}; the tracer throws nothing at all; the context it makes keeps
 * the baggage limits; and what it injects downstream is a small, safe header set.
 */
final class CodecChecks {
  /** A generous bound for one extract of at most a few tens of kilobytes: catches super-linear. */
  static final long CASE_BOUND_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  /** No header the codecs write may be longer (W3C Baggage §3.3.1: 8192 bytes). */
  static final int MAX_WRITTEN_LENGTH = 8192;

  private CodecChecks() {}

  /** Cases per tracer whose input yielded a trace, to prove the generators reach the parsers. */
  private static final Map<SpoorTracer, java.util.concurrent.atomic.LongAdder> WITH_TRACE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** How many cases run against {@code tracer} carried a trace that was accepted. */
  static long casesWithTrace(SpoorTracer tracer) {
    java.util.concurrent.atomic.LongAdder count = WITH_TRACE.get(tracer);
    return count == null ? 0 : count.sum();
  }

  /** Runs the checks for one generated header list. */
  static void survive(
      TextMapCodec codec, SpoorTracer tracer, List<Map.Entry<String, String>> lines) {
    TextMapExtract carrier = lines::iterator;
    long before = System.nanoTime();
    try {
      codec.extract(carrier);
    } catch (MalformedContextException expected) {
      // the documented answer to bad input; the tracer counts it and starts a new trace
    } catch (RuntimeException e) {
      fail(codec + " threw " + e + " for " + lines, e);
    }
    long took = System.nanoTime() - before;
    assertTrue(took < CASE_BOUND_NANOS, () -> codec + " took " + took + " ns for " + lines);

    SpanContext extracted = tracer.extract(Format.Builtin.TEXT_MAP_EXTRACT, carrier);
    if (extracted != null) {
      assertWithinLimits((SpoorSpanContext) extracted, Limits.DEFAULT); // no tracer here sets any
      if (((SpoorSpanContext) extracted).hasTrace()) {
        WITH_TRACE.computeIfAbsent(tracer, t -> new java.util.concurrent.atomic.LongAdder())
            .increment();
      }
    }
    Span child = tracer.buildSpan("fuzzed").asChildOf(extracted).start();
    assertSafeHeaders(tracer, child.context());
    child.finish();
  }

  static void assertWithinLimits(SpoorSpanContext context, Limits limits) {
    Map<String, String> baggage = context.baggage();
    assertTrue(baggage.size() <= limits.maxBaggageItems(), "baggage items " + baggage.size());
    for (Map.Entry<String, String> item : baggage.entrySet()) {
      assertTrue(item.getValue().length() <= limits.maxBaggageValueLength(),
          () -> "baggage value of " + item.getValue().length() + " chars");
    }
  }

  /** Injects {@code context} and checks every header name and value written. */
  static Map<String, String> assertSafeHeaders(SpoorTracer tracer, SpanContext context) {
    Map<String, String> headers = new LinkedHashMap<>();
    long errorsBefore = tracer.metrics().get(Metric.INJECT_ERRORS);
    tracer.inject(context, Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
    assertEquals(errorsBefore, tracer.metrics().get(Metric.INJECT_ERRORS), "inject failed");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      String value = header.getValue();
      assertFalse(name.isEmpty(), "an empty header name");
      assertTrue(isToken(name), () -> "unsafe header name '" + name + "'");
      assertTrue(isVisibleAscii(value), () -> "unsafe value of " + name + ": '" + value + "'");
      assertTrue(value.length() <= MAX_WRITTEN_LENGTH,
          () -> name + " of " + value.length() + " chars");
    }
    return headers;
  }

  /** RFC 9110 §5.6.2 token characters. */
  private static boolean isToken(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9');
      if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** RFC 9110 §5.5 field value characters we allow ourselves to write: VCHAR and SP. */
  private static boolean isVisibleAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
