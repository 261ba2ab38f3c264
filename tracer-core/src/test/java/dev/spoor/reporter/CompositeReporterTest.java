package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompositeReporterTest {
  /** Throws on everything, and counts closes. */
  private static final class BrokenReporter implements Reporter {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public void report(FinishedSpan span) {
      throw new IllegalStateException("broken");
    }

    @Override
    public void close() {
      closes.incrementAndGet();
      throw new IllegalStateException("broken");
    }
  }

  @Test
  void handsEachSpanToEveryReporterEvenAfterOneFails() {
    InMemoryReporter first = new InMemoryReporter();
    InMemoryReporter last = new InMemoryReporter();
    CompositeReporter composite = new CompositeReporter(first, new BrokenReporter(), last);
    try (SpoorTracer tracer = SpoorTracer.builder("svc").reporter(composite).build()) {
      tracer.buildSpan("a").start().finish();
      tracer.buildSpan("b").start().finish();
    }
    assertEquals(2, first.size());
    assertEquals(2, last.size());
    assertEquals("b", last.spans().get(1).operationName());
  }

  @Test
  void closesEveryReporterEvenAfterOneFails() {
    BrokenReporter broken = new BrokenReporter();
    AtomicInteger lastCloses = new AtomicInteger();
    Reporter last = new Reporter() {
      @Override
      public void report(FinishedSpan span) {}

      @Override
      public void close() {
        lastCloses.incrementAndGet();
      }
    };
    new CompositeReporter(broken, last).close();
    assertEquals(1, broken.closes.get());
    assertEquals(1, lastCloses.get());
  }

  @Test
  void listsItsReportersInOrderAndRejectsNull() {
    InMemoryReporter a = new InMemoryReporter();
    InMemoryReporter b = new InMemoryReporter();
    assertEquals(java.util.List.of(a, b), new CompositeReporter(a, b).reporters());
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> new CompositeReporter(a, null));
    assertEquals("reporters[1] == null", e.getMessage());
  }

  @Test
  void refusesANullArrayOfReportersNamingIt() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> new CompositeReporter((Reporter[]) null));
    assertEquals("reporters == null", e.getMessage());
  }
}
