/**
 * Tracing wrappers for HTTP servers and clients: {@link dev.spoor.http.wrappers.TracingHttpHandler}
 * for the JDK's HTTP server, {@link dev.spoor.http.wrappers.TracingFilter} for Jakarta Servlet
 * containers, {@link dev.spoor.http.wrappers.TracingHttpClient} for {@code java.net.http} and
 * {@link dev.spoor.http.wrappers.TracingUrlConnection} for {@code HttpURLConnection}, configured by
 * one {@link dev.spoor.http.wrappers.HttpTracing}.
 *
 * <p>They talk to the tracer only through the OpenTracing API ({@code inject}/{@code extract} with
 * {@code HTTP_HEADERS}), so they carry whatever header formats the tracer is configured with.
 * Depends on opentracing-api and -util and, for counting and rate-limiting failures,
 * {@code dev.spoor.metrics} and {@code dev.spoor.internal}; the servlet classes need
 * {@code jakarta.servlet-api} only when they are used.
 */
package dev.spoor.http.wrappers;
