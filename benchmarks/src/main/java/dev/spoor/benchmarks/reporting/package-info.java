/**
 * The reporting benchmark: each tracer's path from a finished span to Jaeger's compact Thrift
 * {@code emitBatch} datagrams over UDP, sent to a receiver on 127.0.0.1 that drains and counts
 * them. One {@link dev.spoor.benchmarks.reporting.SpanSender} per tracer; Spoor's drives its public
 * {@link dev.spoor.reporter.SpanBatcher} over a {@link dev.spoor.reporter.Sender}.
 */
package dev.spoor.benchmarks.reporting;
