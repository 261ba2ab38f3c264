/**
 * Cross-language, cross-process interop: Spoor against Node peers (jaeger-client 3.19 and the
 * OpenTelemetry JavaScript propagators) over real HTTP in both directions, and against Apache
 * Thrift's JavaScript compact decoder reading Spoor's UDP datagrams. The Node side lives in
 * {@code src/test/node}, installed with {@code npm ci} by {@link dev.spoor.http.interop.NodePeers}.
 * Test code only.
 */
package dev.spoor.http.interop;
