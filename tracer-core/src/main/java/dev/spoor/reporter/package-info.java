/**
 * Where finished spans go: the {@link dev.spoor.reporter.Reporter} SPI, an in-memory reporter for
 * tests, a logging reporter, a composite, and {@link dev.spoor.reporter.RemoteReporter}, which
 * queues spans without locking and sends them to a Jaeger agent over UDP from its own thread
 * (with the package-private queue, batcher and sender behind it). Depends on {@code dev.spoor}
 * (span data), {@code dev.spoor.jaeger.thrift} (wire encoding) and {@code dev.spoor.metrics}.
 */
package dev.spoor.reporter;
