package dev.spoor.benchmarks.lifecycle;

import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.Tracer;

/**
 * The lifecycle through the OpenTracing API, shared by the two OpenTracing tracers (Spoor and
 * jaeger-client-java) so that both run the very same calls.
 */
abstract class OpenTracingLifecycle implements LifecyclePeer {
  private final Tracer tracer;

  OpenTracingLifecycle(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  public ActiveParent activateParent() {
    Span parent = tracer.buildSpan("parent").start();
    Scope scope = tracer.activateSpan(parent);
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
    Span span = tracer.buildSpan(OPERATION)
        .withTag(TAGS[0], TAGS[1])
        .withTag(TAGS[2], TAGS[3])
        .withTag(TAGS[4], TAGS[5])
        .start();
    Scope scope = tracer.activateSpan(span);
    scope.close(); // nothing runs inside the scope: activation itself is measured
    span.finish();
    return span;
  }
}
