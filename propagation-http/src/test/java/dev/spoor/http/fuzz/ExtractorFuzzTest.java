package dev.spoor.http.fuzz;

import dev.spoor.SpoorTracer;
import dev.spoor.http.B3MultiCodec;
import dev.spoor.http.B3SingleCodec;
import dev.spoor.http.W3cTraceContextCodec;
import dev.spoor.propagation.JaegerCodec;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.slf4j.LoggerFactory;

/**
 * Every extractor, 100,000 hostile header sets each: see {@link CodecChecks} for what must hold.
 * The tracers sample everything so that every extracted context is also injected in full.
 */
class ExtractorFuzzTest {
  private static final int TRIES = 100_000;
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  private static final SpoorTracer JAEGER = tracer("jaeger");
  private static final SpoorTracer W3C = tracer("w3c");
  private static final SpoorTracer B3 = tracer("b3");
  private static final SpoorTracer B3_SINGLE = tracer("b3-single");

  private static SpoorTracer tracer(String format) {
    return SpoorTracer.builder("fuzz-" + format).propagation(format).build();
  }

  @AfterContainer
  static void closeTracers() {
    for (SpoorTracer tracer : new SpoorTracer[] {JAEGER, W3C, B3, B3_SINGLE}) {
      // A generator that never produced a valid context would test only the first check.
      long valid = CodecChecks.casesWithTrace(tracer);
      if (valid < TRIES / 100) {
        throw new AssertionError(tracer + ": only " + valid + " cases carried a valid trace");
      }
      LoggerFactory.getLogger(ExtractorFuzzTest.class).info(
          "FUZZ {}: {} of {} cases carried a valid trace", tracer.process().serviceName(), valid,
          TRIES);
    }
    JAEGER.close();
    W3C.close();
    B3.close();
    B3_SINGLE.close();
  }

  @Provide
  Arbitrary<List<Map.Entry<String, String>>> jaegerHeaders() {
    return HostileHeaders.from(new String[] {"uber-trace-id", TRACE + ":" + SPAN + ":0:1"},
        "uber-trace-id", TRACE + ":" + SPAN + ":0:1",
        "uber-trace-id", SPAN + "%3A" + SPAN + "%3A0%3A3",
        "jaeger-debug-id", "debug-42",
        "uberctx-", "alice%20smith",
        "jaeger-baggage", "k1=v1, k2=v2",
        "Uber-Trace-Id", "1:2:0:0");
  }

  @Provide
  Arbitrary<List<Map.Entry<String, String>>> w3cHeaders() {
    return HostileHeaders.from(
        new String[] {"traceparent", "00-" + TRACE + "-" + SPAN + "-01", "tracestate", "a=b"},
        "traceparent", "00-" + TRACE + "-" + SPAN + "-01",
        "traceparent", "01-" + TRACE + "-" + SPAN + "-03-future",
        "tracestate", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE,t@tenant=v",
        "baggage", "userId=alice,serverNode=DF%2028,isProduction=false;prop=1",
        "baggage", "k=%E2%82%AC%20euro");
  }

  @Provide
  Arbitrary<List<Map.Entry<String, String>>> b3Headers() {
    return HostileHeaders.from(
        new String[] {"X-B3-TraceId", TRACE, "X-B3-SpanId", SPAN, "X-B3-Sampled", "1"},
        "X-B3-TraceId", TRACE,
        "X-B3-SpanId", SPAN,
        "X-B3-ParentSpanId", "e457b5a2e4d86bd1",
        "X-B3-Sampled", "1",
        "X-B3-Flags", "1",
        "baggage-", "alice");
  }

  @Provide
  Arbitrary<List<Map.Entry<String, String>>> b3SingleHeaders() {
    return HostileHeaders.from(new String[] {"b3", TRACE + "-" + SPAN + "-1"},
        "b3", TRACE + "-" + SPAN + "-1-e457b5a2e4d86bd1",
        "b3", SPAN + "-" + SPAN + "-d",
        "b3", "0",
        "baggage-", "alice");
  }

  @Property(tries = TRIES)
  void theJaegerExtractorSurvivesHostileHeaders(
      @ForAll("jaegerHeaders") List<Map.Entry<String, String>> headers) {
    CodecChecks.survive(new JaegerCodec(), JAEGER, headers);
  }

  @Property(tries = TRIES)
  void theW3cExtractorSurvivesHostileHeaders(
      @ForAll("w3cHeaders") List<Map.Entry<String, String>> headers) {
    CodecChecks.survive(new W3cTraceContextCodec(), W3C, headers);
  }

  @Property(tries = TRIES)
  void theB3MultiExtractorSurvivesHostileHeaders(
      @ForAll("b3Headers") List<Map.Entry<String, String>> headers) {
    CodecChecks.survive(new B3MultiCodec(), B3, headers);
  }

  @Property(tries = TRIES)
  void theB3SingleExtractorSurvivesHostileHeaders(
      @ForAll("b3SingleHeaders") List<Map.Entry<String, String>> headers) {
    CodecChecks.survive(new B3SingleCodec(), B3_SINGLE, headers);
  }
}
