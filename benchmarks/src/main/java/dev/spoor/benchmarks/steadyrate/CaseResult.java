package dev.spoor.benchmarks.steadyrate;

/**
 * One case as the runner saw it: the child's own measurements and what its receiver got.
 *
 * @param load what the child JVM measured
 * @param round which round of the run (from 1)
 * @param delivered spans the receiver counted (0 for the no-op tracer, which sends nothing)
 * @param payloads datagrams or requests received
 * @param payloadBytes their bytes, as sent
 * @param receiveFailures payloads the receiver could not count
 * @param problem what made the row invalid besides missing spans (the largest payload's check,
 *     the receiver's first failure), or null
 * @param kernelUdpDrops datagrams the kernel dropped for full receive buffers during the case,
 *     anywhere on the machine's network namespace (-1 if unknown)
 */
record CaseResult(LoadResult load, int round, long delivered, long payloads, long payloadBytes,
    long receiveFailures, String problem, long kernelUdpDrops) {

  String tracer() {
    return load.tracer;
  }

  long rate() {
    return load.targetRate;
  }

  /** Spans finished but not delivered (0 for the no-op tracer). */
  long undelivered() {
    return Tracers.reports(tracer()) ? load.spansFinished - delivered : 0;
  }

  /** Every span delivered, each payload readable and as expected. */
  boolean valid() {
    return undelivered() == 0 && receiveFailures == 0 && problem == null;
  }
}
