/**
 * Test fixtures: Jaeger Thrift spans and batches built and sent the way a real tracer sends them,
 * the shape checks of Jaeger's query-API JSON, and a headless Chromium driven over the DevTools
 * protocol.
 */
package dev.spoor.examples.testing;
