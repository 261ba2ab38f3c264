package dev.spoor.examples;

import dev.spoor.SpoorSpan;
import dev.spoor.SpoorTracer;
import dev.spoor.reporter.InMemoryReporter;
import io.opentracing.Scope;
import io.opentracing.Span;

/** A small traced program: a root span with two children, printed when finished. */
public final class HelloTracing {
  private HelloTracing() {}

  public static void main(String[] args) {
    InMemoryReporter reporter = new InMemoryReporter();
    try (SpoorTracer tracer = SpoorTracer.builder("hello-spoor").reporter(reporter).build()) {
      Span order = tracer.buildSpan("place-order").withTag("customer.tier", "gold").start();
      try (Scope scope = tracer.activateSpan(order)) {
        tracer.activeSpan().setBaggageItem("customer", "Ada");
        for (String step : new String[] {"check-stock", "charge-card"}) {
          Span child = tracer.buildSpan(step).start();
          child.log("working");
          child.finish();
        }
      } finally {
        order.finish();
      }
      for (SpoorSpan span : reporter.spans()) {
        System.out.printf("%s  %-12s %6d us  tags=%s%n",
            span.context(), span.operationName(), span.durationMicros(), span.tags());
      }
    }
  }
}
