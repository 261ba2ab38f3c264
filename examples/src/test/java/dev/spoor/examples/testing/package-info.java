/** Test fixtures: Jaeger Thrift spans and batches built and sent the way a real tracer sends them. */
package dev.spoor.examples.testing;
