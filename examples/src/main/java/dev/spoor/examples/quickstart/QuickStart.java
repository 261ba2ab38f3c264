package dev.spoor.examples.quickstart;

import dev.spoor.SpoorTracer;
import dev.spoor.reporter.OtlpHttpSender;
import dev.spoor.reporter.RemoteReporter;
import dev.spoor.sampler.ConstSampler;
import io.opentracing.Scope;
import io.opentracing.Span;

/** The README's quick start: one traced operation, sent over OTLP/HTTP, every trace sampled. */
public final class QuickStart {
  private QuickStart() {}

  /** {@code args[0]}: the OTLP traces URL (default: a collector or Jaeger v2 on this machine). */
  public static void main(String[] args) {
    String endpoint = args.length > 0 ? args[0] : "http://localhost:4318/v1/traces";
    SpoorTracer tracer = SpoorTracer.builder("checkout")
        .withTag("env", "dev")
        .sampler(new ConstSampler(true)) // every trace; in production e.g. ProbabilisticSampler
        .reporter(RemoteReporter.builder()
            .sender(OtlpHttpSender.builder(endpoint).build())
            .build()) // or JaegerHttpSender.builder(".../api/traces"), or UdpSender.builder()
        .build();
    tracer.registerGlobal();

    Span span = tracer.buildSpan("charge-card").withTag("order.items", 3).start();
    try (Scope scope = tracer.activateSpan(span)) {
      // work; log lines carry traceId/spanId in the MDC (when the application has SLF4J)
    } finally {
      span.finish();
    }
    tracer.close(); // at shutdown: sends what is queued
  }
}
