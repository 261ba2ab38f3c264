package dev.spoor.http.wrappers;

import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMap;
import io.opentracing.tag.Tags;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts, tags and finishes the span of one HTTP exchange, on either side; the wrappers only adapt
 * their native request and response to it. Every call on the tracer, the span and the user's hooks
 * is guarded: a failure is recorded in {@link InstrumentationFailures} and the exchange goes on.
 */
final class HttpSpanLifecycle {
  private final Tracer tracer;
  private final String kind;
  private final String component;
  private final OperationNamer namer;
  private final HttpSpanDecorator decorator;
  private final int errorStatus;
  private final InstrumentationFailures failures;

  private HttpSpanLifecycle(HttpTracing tracing, String kind, String component,
      OperationNamer namer, HttpSpanDecorator decorator, int errorStatus) {
    this.tracer = tracing.tracer();
    this.kind = kind;
    this.component = component;
    this.namer = namer;
    this.decorator = decorator;
    this.errorStatus = errorStatus;
    this.failures = tracing.failures();
  }

  /** Server spans: errors from status 500 on; a 4xx is the caller's mistake, not the server's. */
  static HttpSpanLifecycle server(HttpTracing tracing, String component) {
    return new HttpSpanLifecycle(tracing, Tags.SPAN_KIND_SERVER, component,
        tracing.serverOperationNamer(), tracing.serverDecorator(), 500);
  }

  /** Client spans: errors from {@link HttpTracing#clientErrorStatus()} on. */
  static HttpSpanLifecycle client(HttpTracing tracing, String component) {
    return new HttpSpanLifecycle(tracing, Tags.SPAN_KIND_CLIENT, component,
        tracing.clientOperationNamer(), tracing.clientDecorator(), tracing.clientErrorStatus());
  }

  Tracer tracer() {
    return tracer;
  }

  InstrumentationFailures failures() {
    return failures;
  }

  /**
   * Starts a server span for {@code request}: child of the context extracted from
   * {@code headers}, or a new trace. The thread's active span is ignored, since a pooled server
   * thread's leftover scope is never the caller.
   */
  PendingSpan startServer(HttpRequestInfo request, TextMap headers) {
    SpanContext parent = null;
    try {
      parent = tracer.extract(Format.Builtin.HTTP_HEADERS, headers);
    } catch (RuntimeException e) {
      failures.record("extracting the incoming context", e);
    }
    Span span;
    try {
      span = tracer.buildSpan(operationName(request)).ignoreActiveSpan().asChildOf(parent)
          .withTag(Tags.SPAN_KIND.getKey(), kind).withTag(Tags.COMPONENT.getKey(), component)
          .start();
    } catch (RuntimeException e) {
      failures.record("starting a server span", e);
      return new PendingSpan(this, null, request);
    }
    tagRequest(request, span);
    return new PendingSpan(this, span, request);
  }

  /**
   * Starts a client span for {@code request}, child of the active span, and injects its context
   * into {@code headers}.
   */
  PendingSpan startClient(HttpRequestInfo request, TextMap headers) {
    Span span;
    try {
      span = tracer.buildSpan(operationName(request))
          .withTag(Tags.SPAN_KIND.getKey(), kind).withTag(Tags.COMPONENT.getKey(), component)
          .start();
    } catch (RuntimeException e) {
      failures.record("starting a client span", e);
      return new PendingSpan(this, null, request);
    }
    try {
      tracer.inject(span.context(), Format.Builtin.HTTP_HEADERS, headers);
    } catch (RuntimeException e) {
      failures.record("injecting the outgoing context", e);
    }
    tagRequest(request, span);
    return new PendingSpan(this, span, request);
  }

  /**
   * Makes {@code span} the thread's active span (and so the MDC's); null if there is no span or
   * the tracer failed.
   */
  Scope activate(Span span) {
    if (span == null) {
      return null;
    }
    try {
      return tracer.activateSpan(span);
    } catch (RuntimeException e) {
      failures.record("activating a span", e);
      return null;
    }
  }

  /** Closes what {@link #activate} returned. */
  void deactivate(Scope scope) {
    if (scope == null) {
      return;
    }
    try {
      scope.close();
    } catch (RuntimeException e) {
      failures.record("closing a scope", e);
    }
  }

  /** See {@link PendingSpan#finish}. */
  void finish(Span span, HttpRequestInfo request, int statusCode, Throwable error) {
    try {
      if (statusCode > 0) {
        span.setTag(Tags.HTTP_STATUS.getKey(), StatusCodes.boxed(statusCode));
      }
      if (error != null) {
        tagError(span, error);
      } else if (statusCode >= errorStatus) {
        tagErrorStatus(span, statusCode);
      }
    } catch (RuntimeException e) {
      failures.record("tagging the response", e);
    }
    try {
      decorator.onResponse(request, statusCode, error, span);
    } catch (RuntimeException e) {
      failures.record("running the span decorator's onResponse", e);
    }
    try {
      span.finish();
    } catch (RuntimeException e) {
      failures.record("finishing a span", e);
    }
  }

  private String operationName(HttpRequestInfo request) {
    try {
      String name = namer.operationName(request);
      if (name != null) {
        return name;
      }
      failures.record("naming a span", new NullPointerException(namer + " returned null"));
    } catch (RuntimeException e) {
      failures.record("naming a span", e);
    }
    return request.method();
  }

  private void tagRequest(HttpRequestInfo request, Span span) {
    try {
      span.setTag(Tags.HTTP_METHOD.getKey(), request.method());
      span.setTag(Tags.HTTP_URL.getKey(), request.url());
      request.tagPeer(span);
    } catch (RuntimeException e) {
      failures.record("tagging the request", e);
    }
    try {
      decorator.onRequest(request, span);
    } catch (RuntimeException e) {
      failures.record("running the span decorator's onRequest", e);
    }
  }

  /** {@code error=true} and an {@code error} log with the fields of the OpenTracing conventions. */
  private static void tagError(Span span, Throwable error) {
    span.setTag(Tags.ERROR.getKey(), true);
    Map<String, Object> fields = new LinkedHashMap<>(6);
    fields.put("event", Tags.ERROR.getKey());
    fields.put("error.kind", error.getClass().getName());
    fields.put("error.object", error);
    String message = error.getMessage();
    fields.put("message", message != null ? message : error.getClass().getName());
    span.log(fields);
  }

  private static void tagErrorStatus(Span span, int statusCode) {
    span.setTag(Tags.ERROR.getKey(), true);
    Map<String, Object> fields = new LinkedHashMap<>(4);
    fields.put("event", Tags.ERROR.getKey());
    fields.put("message", "HTTP status " + statusCode);
    span.log(fields);
  }
}
