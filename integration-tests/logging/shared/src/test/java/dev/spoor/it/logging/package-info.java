/**
 * One application's logging next to Spoor, run in each module's class path (logback 1.2 with SLF4J
 * 1.7, logback 1.5 with SLF4J 2.x, tracer-core listed first or last): its own SLF4J lines reach its
 * logback appender, a Spoor span's ids are in its MDC while the span is active, and Spoor's own
 * warnings go through {@code java.util.logging}, into logback once jul-to-slf4j is installed.
 */
package dev.spoor.it.logging;
