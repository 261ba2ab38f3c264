package dev.spoor.benchmarks.lifecycle;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * The OpenTelemetry SDK with {@code Sampler.alwaysOn()} or {@code alwaysOff()}, one {@link
 * SpanProcessor} that counts in {@code onEnd}, attribute keys made once (as OpenTelemetry's
 * semantic-convention constants are) and the default thread-local context storage.
 */
final class OtelLifecycle implements LifecyclePeer {
  private static final AttributeKey<String> KEY_0 = AttributeKey.stringKey(TAGS[0]);
  private static final AttributeKey<String> KEY_1 = AttributeKey.stringKey(TAGS[2]);
  private static final AttributeKey<String> KEY_2 = AttributeKey.stringKey(TAGS[4]);

  private final SdkTracerProvider provider;
  private final Tracer tracer;
  private final SpanCounter counter = new SpanCounter();

  OtelLifecycle(boolean sampled) {
    provider = SdkTracerProvider.builder()
        .setSampler(sampled ? Sampler.alwaysOn() : Sampler.alwaysOff())
        .addSpanProcessor(new CountingProcessor(counter))
        .build();
    tracer = provider.get("benchmark");
  }

  @Override
  public ActiveParent activateParent() {
    Span parent = tracer.spanBuilder("parent").startSpan();
    Scope scope = parent.makeCurrent();
    return new ActiveParent() {
      @Override
      public Object span() {
        return parent;
      }

      @Override
      public void close() {
        scope.close();
        parent.end();
      }
    };
  }

  @Override
  public Object traceChildSpan() {
    Span span = tracer.spanBuilder(OPERATION)
        .setAttribute(KEY_0, TAGS[1])
        .setAttribute(KEY_1, TAGS[3])
        .setAttribute(KEY_2, TAGS[5])
        .startSpan();
    Scope scope = span.makeCurrent();
    scope.close(); // nothing runs inside the scope: activation itself is measured
    span.end();
    return span;
  }

  @Override
  public long spansReported() {
    return counter.spansReported();
  }

  @Override
  public void close() {
    provider.close();
  }

  private static final class CountingProcessor implements SpanProcessor {
    private final SpanCounter counter;

    CountingProcessor(SpanCounter counter) {
      this.counter = counter;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      counter.spanReported();
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }
}
