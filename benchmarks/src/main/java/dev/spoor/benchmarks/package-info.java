/**
 * JMH benchmarks comparing Spoor with jaeger-client-java, Brave and the OpenTelemetry SDK, and the
 * tool that turns their JSON results into {@code RESULTS.md}. A user of the library, not part of
 * it: nothing here is published.
 *
 * <p>Every benchmark names the tracer it measures in a {@code system} parameter; the results
 * report makes one table per benchmark (and per other parameter) with one row per system.
 */
package dev.spoor.benchmarks;
