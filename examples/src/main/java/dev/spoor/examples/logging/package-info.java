/**
 * Logging for the demo through SLF4J and logback: a logfmt layout whose lines carry the active
 * {@code traceID} and {@code spanID} from the MDC (the form Grafana Loki's derived field
 * {@code traceID=(\w+)} links to Jaeger), an in-memory buffer the demo reads lines back from, an
 * optional log file for promtail, and thread factories that stamp each service's name on its
 * threads. Depends on logback only.
 */
package dev.spoor.examples.logging;
