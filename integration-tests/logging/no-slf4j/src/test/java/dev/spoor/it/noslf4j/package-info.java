/** tracer-core in an application without SLF4J: tracing works, the MDC is skipped, JUL logs. */
package dev.spoor.it.noslf4j;
