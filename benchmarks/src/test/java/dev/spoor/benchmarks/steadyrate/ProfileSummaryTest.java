package dev.spoor.benchmarks.steadyrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileSummaryTest {
  private static final List<String> STACKS = List.of(
      "[spoor-reporter tid=7];java/lang/Thread.run;Worker.run;Unsafe.park 30",
      "[spoor-reporter tid=7];java/lang/Thread.run;Worker.run;Batcher.add;Encoder.encode 50",
      "[spoor-reporter tid=7];java/lang/Thread.run;Worker.run;Batcher.add;Udp.send;send_[k] 20",
      "[steady-load tid=1];Load.traceSpan 1000");

  @Test
  void sumsOnlyTheNamedThreadsSamples() {
    ProfileSummary summary = ProfileSummary.of(STACKS, "spoor-reporter");

    assertEquals(100, summary.samples());
    assertEquals(0.70, summary.inclusiveShare("Batcher.add"), 1e-9);
    assertEquals(1.00, summary.inclusiveShare("Worker.run"), 1e-9);
    assertEquals(0, summary.inclusiveShare("Load.traceSpan"));
  }

  @Test
  void listsSelfFramesBusiestFirst() {
    String text = ProfileSummary.of(STACKS, "spoor-reporter").render(2);

    assertTrue(text.startsWith("100 samples"), text);
    int encode = text.indexOf("Encoder.encode");
    int park = text.indexOf("Unsafe.park");
    assertTrue(encode > 0 && park > encode, text);
    assertTrue(text.contains(" 50.00%        50  Encoder.encode"), text);
  }
}
