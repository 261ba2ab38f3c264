package dev.spoor.benchmarks.steadyrate;

import java.io.IOException;

/**
 * Runs one case: a fresh receiver for the tracer's protocol in this JVM, the tracer's child JVM
 * sending to it, then a wait until the receiver has counted every finished span (or stops
 * counting), and a full decode of the payload with the most spans.
 */
final class CaseRunner {
  /** How long the count may stay unchanged before the missing spans are taken as lost. */
  private static final long QUIET_MILLIS = 3_000;
  private static final long DELIVERY_DEADLINE_MILLIS = 30_000;

  private final ChildJvm jvm;

  CaseRunner(ChildJvm jvm) {
    this.jvm = jvm;
  }

  CaseResult run(ChildJvm.Case c, int round) throws IOException, InterruptedException {
    long udpDropsBefore = UdpReceiveErrors.now();
    if (!Tracers.reports(c.tracer())) {
      LoadResult load = jvm.run(c, 0);
      return new CaseResult(load, round, 0, 0, 0, 0, null,
          udpDrops(udpDropsBefore, UdpReceiveErrors.now()));
    }
    try (SpanReceiver receiver = SpanReceiver.start(c.tracer())) {
      LoadResult load = jvm.run(c, receiver.port());
      awaitDelivery(receiver, load.spansFinished);
      long udpDropsAfter = UdpReceiveErrors.now();
      String problem = receiver.firstFailure();
      if (problem == null) {
        problem = checkLargestPayload(receiver);
      }
      return new CaseResult(load, round, receiver.spans(), receiver.payloads(), receiver.bytes(),
          receiver.failures(), problem, udpDrops(udpDropsBefore, udpDropsAfter));
    }
  }

  /**
   * The child has closed its tracer, which sends what it held, before it exits; what is still in
   * flight is in the socket's buffer or in a request being answered. So: until every span is
   * counted, or the count has not moved for a while.
   */
  private static void awaitDelivery(SpanReceiver receiver, long expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + DELIVERY_DEADLINE_MILLIS * 1_000_000;
    long last = -1;
    long lastChange = System.nanoTime();
    while (receiver.spans() < expected && System.nanoTime() - deadline < 0) {
      long now = receiver.spans();
      if (now != last) {
        last = now;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > QUIET_MILLIS * 1_000_000) {
        return;
      }
      Thread.sleep(10);
    }
  }

  private static String checkLargestPayload(SpanReceiver receiver) {
    PayloadCheck.Payload largest = receiver.largestPayload();
    if (largest == null) {
      return "no span received";
    }
    try {
      int decoded = PayloadCheck.check(largest);
      int counted = SpanCounting.count(largest);
      return decoded == counted ? null
          : "largest payload: " + decoded + " spans decoded but " + counted + " counted";
    } catch (Exception e) {
      return "largest payload (" + largest + "): " + e.getMessage();
    }
  }

  private static long udpDrops(long before, long after) {
    return before < 0 || after < 0 ? -1 : after - before;
  }
}
