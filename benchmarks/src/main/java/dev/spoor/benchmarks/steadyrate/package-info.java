/**
 * The steady-rate benchmark (not JMH): each tracer, set up as its users set it up, in its own
 * child JVM, starting, activating and finishing child spans with four tags at a paced rate while
 * its own reporter sends every span to a receiver in the runner's JVM; CPU per span from the
 * child's process and thread CPU times over a measured window after a warm-up, net of a no-op
 * tracer at the same pace, allocation, and spans delivered against spans finished.
 *
 * <p>Runner side: {@link dev.spoor.benchmarks.steadyrate.SteadyRateRunner} (entry point),
 * {@code RunOptions}, {@code CaseRunner}, {@code ChildJvm}, the receivers ({@code SpanReceiver},
 * {@code JaegerUdpReceiver}, {@code SpanHttpReceiver}, {@code SpanCounting},
 * {@code PayloadCheck}), {@code UdpReceiveErrors} and {@code SteadyRateReport}. Child side:
 * {@link dev.spoor.benchmarks.steadyrate.LoadProcess} (entry point), {@code PacedLoop}, the
 * loads ({@code TracedLoad} and one class per API), {@code ProcessSnapshot} with
 * {@code NativeThreads}, and {@code WindowProfiler}. {@link
 * dev.spoor.benchmarks.steadyrate.ProfileSummary} reads the profiles.
 */
package dev.spoor.benchmarks.steadyrate;
