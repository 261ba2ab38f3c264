/**
 * In-process context: {@link dev.spoor.scope.MdcScopeManager} keeps the active span per
 * thread and mirrors its ids into the SLF4J MDC. Depends only on the OpenTracing API and
 * {@code dev.spoor.SpoorSpanContext}, and on slf4j-api only through {@code Slf4jMdc}, which finds
 * out once whether the application has it.
 */
package dev.spoor.scope;
