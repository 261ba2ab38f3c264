/**
 * Where finished spans go: the {@link dev.spoor.reporter.Reporter} SPI, an in-memory reporter for
 * tests, a logging reporter, a composite, and {@link dev.spoor.reporter.RemoteReporter}, which
 * queues spans without locking and sends them from its own thread through a {@link
 * dev.spoor.reporter.Sender}: {@link dev.spoor.reporter.UdpSender} (Jaeger agent), {@link
 * dev.spoor.reporter.JaegerHttpSender} (Jaeger collector), {@link
 * dev.spoor.reporter.OtlpHttpSender} (OTLP/HTTP). {@link dev.spoor.reporter.SpanBatcher} is the
 * public encode-pack-send-count piece. The wire encoders (Thrift compact and binary, protobuf),
 * the queue, the HTTP plumbing and the counters' one writer ({@code ReporterCounters}) are
 * package-private. Depends on {@code dev.spoor} (span data), {@code dev.spoor.metrics} and
 * {@code dev.spoor.internal}.
 */
package dev.spoor.reporter;
