package dev.spoor.benchmarks;

import io.opentracing.Span;
import io.opentracing.Tracer;

/**
 * The span every benchmark makes, whatever the tracer: named {@link #OPERATION}, with the three
 * string tags {@link #TAGS}, a child of another span.
 */
public final class SpanShape {
  /** The operation (span) name. */
  public static final String OPERATION = "get-user";

  /** The three tags every span carries, as key, value pairs. */
  public static final String[] TAGS = {
    "component", "benchmark", "http.method", "GET", "http.route", "/users/{id}"};

  private SpanShape() {}

  /**
   * Builds, through the OpenTracing API, a finished span of this shape as the child of a finished
   * parent, for benchmarks that need a span as it reaches a reporter.
   */
  public static Span finishedChild(Tracer tracer) {
    Span parent = tracer.buildSpan("parent").ignoreActiveSpan().start();
    Span child = tracer.buildSpan(OPERATION)
        .asChildOf(parent)
        .withTag(TAGS[0], TAGS[1])
        .withTag(TAGS[2], TAGS[3])
        .withTag(TAGS[4], TAGS[5])
        .start();
    child.finish();
    parent.finish();
    return child;
  }
}
