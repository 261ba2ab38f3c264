package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.reporter.InMemoryReporter;
import io.opentracing.util.GlobalTracer;
import java.lang.reflect.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GlobalTracerTest {

  @AfterEach
  void unregister() throws Exception {
    // GlobalTracer has no public reset; opentracing-util's own tests reset these two fields.
    Field tracer = GlobalTracer.class.getDeclaredField("tracer");
    tracer.setAccessible(true);
    tracer.set(null, io.opentracing.noop.NoopTracerFactory.create());
    Field registered = GlobalTracer.class.getDeclaredField("isRegistered");
    registered.setAccessible(true);
    registered.set(null, false);
  }

  @Test
  void registersAsTheGlobalTracerInOneCall() {
    InMemoryReporter reporter = new InMemoryReporter();
    try (SpoorTracer tracer = SpoorTracer.builder("svc").reporter(reporter).build()) {
      assertTrue(tracer.registerGlobal());
      assertTrue(GlobalTracer.isRegistered());
      GlobalTracer.get().buildSpan("through-global").start().finish();
      assertEquals("through-global", reporter.spans().get(0).operationName());
      assertTrue(tracer.registerGlobal(), "registering again is still true");
    }
  }

  @Test
  void doesNotReplaceAnotherRegisteredTracer() {
    try (SpoorTracer first = SpoorTracer.builder("first").build();
        SpoorTracer second = SpoorTracer.builder("second").build()) {
      assertTrue(first.registerGlobal());
      assertFalse(second.registerGlobal());
      assertEquals(first.scopeManager(), GlobalTracer.get().scopeManager());
    }
  }
}
