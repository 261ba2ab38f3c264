package dev.spoor.benchmarks.steadyrate;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry SDK as its documentation sets it up for OTLP over HTTP: an
 * {@code SdkTracerProvider} with every trace sampled, one {@code BatchSpanProcessor} (its thread
 * {@code BatchSpanProcessor_WorkerThread}; defaults: 2048 queued spans, batches of 512, every
 * 5 s or when a batch is full) exporting with {@code OtlpHttpSpanExporter} (protobuf, no
 * compression, its defaults) to the receiver's {@code /v1/traces}. The exporter sends through
 * the JDK's {@code java.net.http} client ({@code opentelemetry-exporter-sender-jdk}, threads
 * {@code jdkhttp-executor} and {@code HttpClient-*}), chosen over its OkHttp sender, which is on
 * the class path too, by OpenTelemetry's own system property.
 */
final class OtelLoad implements TracedLoad {
  /** OpenTelemetry's setting for which HTTP sender its exporters use when several are present. */
  static final String SENDER_PROPERTY = "io.opentelemetry.sdk.common.export.HttpSenderProvider";
  static final String JDK_SENDER =
      "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider";

  private static final AttributeKey<String> KEY_0 = AttributeKey.stringKey(TAGS.get(0));
  private static final String VALUE_0 = TAGS.get(1);
  private static final AttributeKey<String> KEY_1 = AttributeKey.stringKey(TAGS.get(2));
  private static final String VALUE_1 = TAGS.get(3);
  private static final AttributeKey<String> KEY_2 = AttributeKey.stringKey(TAGS.get(4));
  private static final String VALUE_2 = TAGS.get(5);
  private static final AttributeKey<String> KEY_3 = AttributeKey.stringKey(TAGS.get(6));
  private static final String VALUE_3 = TAGS.get(7);

  private final SdkTracerProvider provider;
  private final Tracer tracer;
  private Span parent;
  private Scope parentScope;
  private long finished;

  OtelLoad(int port) {
    System.setProperty(SENDER_PROPERTY, JDK_SENDER);
    OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
        .setEndpoint("http://127.0.0.1:" + port + SpanHttpReceiver.OTLP_PATH)
        .build();
    provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().toBuilder().put("service.name", SERVICE).build())
        .setSampler(Sampler.alwaysOn())
        .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
        .build();
    tracer = provider.get(SERVICE);
  }

  @Override
  public void activateParent() {
    parent = tracer.spanBuilder(PARENT_OPERATION).startSpan();
    parentScope = parent.makeCurrent();
  }

  @Override
  public void traceSpan() {
    Span span = tracer.spanBuilder(OPERATION)
        .setAttribute(KEY_0, VALUE_0)
        .setAttribute(KEY_1, VALUE_1)
        .setAttribute(KEY_2, VALUE_2)
        .setAttribute(KEY_3, VALUE_3)
        .startSpan();
    Scope scope = span.makeCurrent();
    scope.close(); // nothing runs inside: the activation itself is part of the work
    span.end();
    finished++;
  }

  @Override
  public void finishParent() {
    parentScope.close();
    parent.end();
    finished++;
  }

  @Override
  public long spansFinished() {
    return finished;
  }

  @Override
  public List<String> backgroundThreadPrefixes() {
    return List.of("BatchSpanProcessor", "jdkhttp-", "HttpClient-");
  }

  @Override
  public Map<String, Long> counters() {
    return Map.of();
  }

  @Override
  public void close() {
    // shutdown() exports what the processor still holds, then closes the exporter.
    provider.shutdown().join(30, TimeUnit.SECONDS);
  }
}
