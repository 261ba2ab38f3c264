package dev.spoor.benchmarks.reporting;

import dev.spoor.benchmarks.SpanShape;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry SDK's export path, as its {@code BatchSpanProcessor} worker runs it for each
 * span: {@code toSpanData()} of the ended span into the batch, and, every {@value #BATCH} spans
 * (the processor's default {@code maxExportBatchSize}), {@code OtlpHttpSpanExporter.export} of the
 * batch, waited for as the worker waits. The exporter has its defaults (protobuf, no
 * compression) and the HTTP sender named: OkHttp (the default dependency) or the JDK's
 * {@code java.net.http} client. Done on the benchmark thread, like Spoor's path.
 */
final class OtelOtlpSpanSender implements SpanSender {
  /** {@code BatchSpanProcessor}'s default max export batch size. */
  static final int BATCH = 512;
  /** The exporter's setting that picks its HTTP sender when several are on the class path. */
  static final String SENDER_PROPERTY = "io.opentelemetry.sdk.common.export.HttpSenderProvider";
  static final String OKHTTP =
      "io.opentelemetry.exporter.sender.okhttp.internal.OkHttpHttpSenderProvider";
  static final String JDK = "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider";

  private final SdkTracerProvider provider;
  private final ReadableSpan span;
  private final OtlpHttpSpanExporter exporter;
  private final List<SpanData> batch = new ArrayList<>(BATCH);
  private long spansSent;

  OtelOtlpSpanSender(String baseUrl, String senderProvider) {
    System.setProperty(SENDER_PROPERTY, senderProvider);
    Capture capture = new Capture();
    provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(
            Attributes.of(AttributeKey.stringKey("service.name"), "benchmark"))))
        .setSampler(Sampler.alwaysOn())
        .addSpanProcessor(capture)
        .build();
    Tracer tracer = provider.get("benchmark");
    Span parent = tracer.spanBuilder("parent").startSpan();
    Span child = tracer.spanBuilder(SpanShape.OPERATION)
        .setParent(Context.root().with(parent))
        .setAttribute(SpanShape.TAGS[0], SpanShape.TAGS[1])
        .setAttribute(SpanShape.TAGS[2], SpanShape.TAGS[3])
        .setAttribute(SpanShape.TAGS[4], SpanShape.TAGS[5])
        .startSpan();
    child.end();
    parent.end();
    span = capture.ended.get(0);
    exporter = OtlpHttpSpanExporter.builder().setEndpoint(baseUrl + "/v1/traces").build();
  }

  @Override
  public void append() {
    batch.add(span.toSpanData());
    if (batch.size() == BATCH) {
      flush();
    }
  }

  @Override
  public void flush() {
    if (batch.isEmpty()) {
      return;
    }
    CompletableResultCode result = exporter.export(Collections.unmodifiableList(batch));
    result.join(30, TimeUnit.SECONDS);
    if (result.isSuccess()) {
      spansSent += batch.size();
    }
    batch.clear();
  }

  @Override
  public long spansSent() {
    return spansSent;
  }

  @Override
  public void close() {
    flush();
    exporter.shutdown().join(10, TimeUnit.SECONDS);
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }

  /** Keeps the first ended spans (the child ends first). */
  private static final class Capture implements SpanProcessor {
    final List<ReadableSpan> ended = new ArrayList<>();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      ended.add(span);
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }
}
