package dev.spoor.http.wrappers;

import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.util.GlobalTracer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A Jakarta Servlet filter that traces each request: a {@code server} span, child of the context in
 * its headers, active (and in the MDC) while the rest of the chain runs, finished when the response
 * completes: when the chain returns, or for asynchronous requests when the container completes
 * the {@code AsyncContext}. What the chain throws is tagged and rethrown unchanged.
 *
 * <pre>{@code
 * context.addFilter(new FilterHolder(TracingFilter.create(tracer)), "/*",
 *     EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 *
 * <p>Map it first, for the {@code REQUEST} dispatch, with async support enabled. Code on another
 * thread finds the span in the request attribute {@link #SPAN_ATTRIBUTE}. Declared in
 * {@code web.xml} instead, it uses the {@link GlobalTracer}.
 */
public final class TracingFilter implements Filter {
  /** The {@code component} tag of the spans. */
  public static final String COMPONENT = "java-servlet";
  /** The request attribute holding the request's server {@link Span}. */
  public static final String SPAN_ATTRIBUTE = "dev.spoor.http.wrappers.TracingFilter.span";

  private volatile HttpSpanLifecycle lifecycle;

  /** A filter that traces through the {@link GlobalTracer}: for {@code web.xml} declarations. */
  public TracingFilter() {}

  private TracingFilter(HttpTracing tracing) {
    this.lifecycle = HttpSpanLifecycle.server(tracing, COMPONENT);
  }

  /**
   * A filter with default tracing through {@code tracer}.
   *
   * @throws NullPointerException when {@code tracer} is null
   */
  public static TracingFilter create(Tracer tracer) {
    return create(HttpTracing.create(tracer));
  }

  /**
   * A filter tracing as {@code tracing} says.
   *
   * @throws NullPointerException when {@code tracing} is null
   */
  public static TracingFilter create(HttpTracing tracing) {
    return new TracingFilter(Arguments.checkNotNull(tracing, "tracing"));
  }

  /** Falls back to the global tracer when the filter was created by the container. */
  @Override
  public void init(FilterConfig config) {
    lifecycle();
  }

  /** Runs the rest of the chain inside the request's server span. */
  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
      chain.doFilter(req, res);
      return;
    }
    HttpSpanLifecycle lifecycle = lifecycle();
    Object open = req.getAttribute(SPAN_ATTRIBUTE);
    if (open instanceof Span) {
      // A later dispatch (async, forward, error) of a request whose span is still open.
      Scope scope = lifecycle.activate((Span) open);
      try {
        chain.doFilter(req, res);
      } finally {
        lifecycle.deactivate(scope);
      }
      return;
    }
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    HttpRequestInfo info = new ServletRequestInfo(request);
    PendingSpan span = lifecycle.startServer(info, new ServletHeaders(request));
    if (span.span() != null) {
      request.setAttribute(SPAN_ATTRIBUTE, span.span());
    }
    Scope scope = lifecycle.activate(span.span());
    Throwable error = null;
    try {
      chain.doFilter(request, response);
    } catch (Throwable e) {
      error = e;
      throw e;
    } finally {
      lifecycle.deactivate(scope);
      if (error != null || !finishLater(lifecycle, span, request, response)) {
        // An exception before the response was committed has no status yet: the container sets it.
        int status = error != null && !response.isCommitted() ? 0 : response.getStatus();
        span.finish(status, error);
      }
    }
  }

  /** Hands the span to the async context, if the request went async; true if it did. */
  private static boolean finishLater(HttpSpanLifecycle lifecycle, PendingSpan span,
      HttpServletRequest request, HttpServletResponse response) {
    try {
      if (!request.isAsyncStarted()) {
        return false;
      }
      request.getAsyncContext().addListener(
          new AsyncSpanFinisher(span), request, response);
      return true;
    } catch (RuntimeException e) {
      lifecycle.failures().record("listening for the end of an async request", e);
      return false;
    }
  }

  private HttpSpanLifecycle lifecycle() {
    HttpSpanLifecycle current = lifecycle;
    if (current == null) {
      current = HttpSpanLifecycle.server(HttpTracing.create(GlobalTracer.get()), COMPONENT);
      lifecycle = current;
    }
    return current;
  }

  @Override
  public void destroy() {}

  @Override
  public String toString() {
    return "TracingFilter{" + lifecycle + "}";
  }
}
