/**
 * Where finished spans go: the {@link dev.spoor.reporter.Reporter} SPI, an in-memory reporter for
 * tests, a logging reporter and a composite. The UDP reporter to a Jaeger agent lives beside them.
 * Depends on {@code dev.spoor} (span data) and {@code dev.spoor.metrics}.
 */
package dev.spoor.reporter;
