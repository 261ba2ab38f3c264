package dev.spoor.benchmarks.steadyrate;

import dev.spoor.SpoorTracer;
import io.jaegertracing.Configuration;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.noop.NoopTracerFactory;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The load through the OpenTracing API, for the three tracers that implement it: Spoor and
 * jaeger-client-java, each built from jaeger-client-java's {@code JAEGER_*} environment variables
 * as a migrating service builds it, and OpenTracing's {@code NoopTracer}, the baseline: the same
 * calls, the same pacing, nothing recorded.
 */
final class OpenTracingLoad implements TracedLoad {
  private static final String KEY_0 = TAGS.get(0);
  private static final String VALUE_0 = TAGS.get(1);
  private static final String KEY_1 = TAGS.get(2);
  private static final String VALUE_1 = TAGS.get(3);
  private static final String KEY_2 = TAGS.get(4);
  private static final String VALUE_2 = TAGS.get(5);
  private static final String KEY_3 = TAGS.get(6);
  private static final String VALUE_3 = TAGS.get(7);

  private final Tracer tracer;
  private final List<String> backgroundThreadPrefixes;
  private final Supplier<Map<String, Long>> counters;
  private Span parent;
  private Scope parentScope;
  private long finished;

  private OpenTracingLoad(Tracer tracer, List<String> backgroundThreadPrefixes,
      Supplier<Map<String, Long>> counters) {
    this.tracer = tracer;
    this.backgroundThreadPrefixes = backgroundThreadPrefixes;
    this.counters = counters;
  }

  /** OpenTracing's no-op tracer: no span is recorded, no thread started. */
  static OpenTracingLoad noop() {
    return new OpenTracingLoad(NoopTracerFactory.create(), List.of(), Map::of);
  }

  /**
   * {@code SpoorTracer.fromEnv()}: its {@code RemoteReporter} (thread {@code spoor-reporter})
   * sends Jaeger Thrift compact datagrams to {@code JAEGER_AGENT_HOST:JAEGER_AGENT_PORT}.
   */
  static OpenTracingLoad spoorFromEnv() {
    SpoorTracer tracer = SpoorTracer.fromEnv();
    return new OpenTracingLoad(tracer, List.of("spoor-"), () -> tracer.metrics().snapshot());
  }

  /**
   * jaeger-client-java's {@code Configuration.fromEnv().getTracer()}: its {@code RemoteReporter}
   * (threads {@code jaeger.RemoteReporter-QueueProcessor} and {@code -FlushTimer}) with the
   * {@code UdpSender} its {@code ThriftSenderFactory} makes for the agent variables.
   */
  static OpenTracingLoad jaegerClientFromEnv() {
    Tracer tracer = Configuration.fromEnv().getTracer();
    return new OpenTracingLoad(tracer, List.of("jaeger."), Map::of);
  }

  @Override
  public void activateParent() {
    parent = tracer.buildSpan(PARENT_OPERATION).start();
    parentScope = tracer.activateSpan(parent);
  }

  @Override
  public void traceSpan() {
    Span span = tracer.buildSpan(OPERATION)
        .withTag(KEY_0, VALUE_0)
        .withTag(KEY_1, VALUE_1)
        .withTag(KEY_2, VALUE_2)
        .withTag(KEY_3, VALUE_3)
        .start();
    Scope scope = tracer.activateSpan(span);
    scope.close(); // nothing runs inside: the activation itself is part of the work
    span.finish();
    finished++;
  }

  @Override
  public void finishParent() {
    parentScope.close();
    parent.finish();
    finished++;
  }

  @Override
  public long spansFinished() {
    return finished;
  }

  @Override
  public List<String> backgroundThreadPrefixes() {
    return backgroundThreadPrefixes;
  }

  @Override
  public Map<String, Long> counters() {
    return counters.get();
  }

  @Override
  public void close() {
    tracer.close();
  }
}
