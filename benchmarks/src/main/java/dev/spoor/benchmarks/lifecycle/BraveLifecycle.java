package dev.spoor.benchmarks.lifecycle;

import brave.Span;
import brave.Tracer;
import brave.Tracer.SpanInScope;
import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import brave.sampler.Sampler;

/**
 * Brave with {@code Sampler.ALWAYS_SAMPLE} or {@code NEVER_SAMPLE}, one counting {@link
 * SpanHandler} (so sampled spans are recorded into a {@code MutableSpan}), 128-bit trace ids and
 * its default thread-local current trace context.
 */
final class BraveLifecycle implements LifecyclePeer {
  private final Tracing tracing;
  private final Tracer tracer;
  private final SpanCounter counter = new SpanCounter();

  BraveLifecycle(boolean sampled) {
    tracing = Tracing.newBuilder()
        .localServiceName("benchmark")
        .sampler(sampled ? Sampler.ALWAYS_SAMPLE : Sampler.NEVER_SAMPLE)
        .traceId128Bit(true)
        .addSpanHandler(new CountingHandler(counter))
        .build();
    tracer = tracing.tracer();
  }

  @Override
  public ActiveParent activateParent() {
    Span parent = tracer.nextSpan().name("parent").start();
    SpanInScope scope = tracer.withSpanInScope(parent);
    return new ActiveParent() {
      @Override
      public Object span() {
        return parent;
      }

      @Override
      public void close() {
        scope.close();
        parent.finish();
      }
    };
  }

  @Override
  public Object traceChildSpan() {
    // Brave takes tags on the span, not on a builder: the same three, before start.
    Span span = tracer.nextSpan().name(OPERATION);
    span.tag(TAGS[0], TAGS[1]).tag(TAGS[2], TAGS[3]).tag(TAGS[4], TAGS[5]).start();
    SpanInScope scope = tracer.withSpanInScope(span);
    scope.close(); // nothing runs inside the scope: activation itself is measured
    span.finish();
    return span;
  }

  @Override
  public long spansReported() {
    return counter.spansReported();
  }

  @Override
  public void close() {
    tracing.close();
  }

  private static final class CountingHandler extends SpanHandler {
    private final SpanCounter counter;

    CountingHandler(SpanCounter counter) {
      this.counter = counter;
    }

    @Override
    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
      if (cause == Cause.FINISHED) {
        counter.spanReported();
      }
      return true;
    }
  }
}
