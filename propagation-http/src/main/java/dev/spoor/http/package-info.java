/**
 * Carrying Spoor's span context across processes as HTTP headers (W3C Trace Context, B3), and
 * tracing wrappers for HTTP servers and clients. Depends on {@code tracer-core} only.
 */
package dev.spoor.http;
