package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import java.util.ArrayList;
import java.util.List;

/** Real finished spans for unit tests of the reporting classes, made by a real tracer. */
final class TestSpans {
  private TestSpans() {}

  /** {@code count} finished spans named {@code name-i} with one tag each. */
  static List<FinishedSpan> finished(String service, String name, int count) {
    InMemoryReporter memory = new InMemoryReporter();
    try (SpoorTracer tracer = SpoorTracer.builder(service).reporter(memory).build()) {
      for (int i = 0; i < count; i++) {
        tracer.buildSpan(name + "-" + i).withTag("index", i).start().finish();
      }
    }
    return new ArrayList<>(memory.spans());
  }
}
