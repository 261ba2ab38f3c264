/**
 * In-process context: {@link dev.spoor.scope.MdcScopeManager} keeps the active span per
 * thread and mirrors its ids into the SLF4J MDC. Depends only on the OpenTracing API and
 * {@code dev.spoor.SpoorSpanContext}.
 */
package dev.spoor.scope;
