package dev.spoor.benchmarks.steadyrate;

import java.util.List;
import java.util.Map;

/**
 * One tracer, set up as its users set it up, doing the steady-rate benchmark's work on the calling
 * thread: under one active parent, each {@link #traceSpan()} starts a child span named
 * {@link #OPERATION} with the four string {@link #TAGS}, activates it, closes the scope and
 * finishes the span. Finished spans go to the tracer's own reporter, which sends them to the
 * receiver on 127.0.0.1 from its own threads.
 */
interface TracedLoad extends AutoCloseable {
  /** The service name every tracer reports. */
  String SERVICE = "steady-rate";
  /** The operation name of every child span. */
  String OPERATION = "get-user";
  /** The parent's operation name. */
  String PARENT_OPERATION = "handle-batch";
  /** The four tags of every child span, as key, value pairs. */
  List<String> TAGS = List.of(
      "component", "benchmark",
      "http.method", "GET",
      "http.route", "/users/{id}",
      "peer.service", "user-store");

  /** Starts the parent span and makes it the active one on this thread. */
  void activateParent();

  /** One child span of the active parent: start with the tags, activate, close, finish. */
  void traceSpan();

  /** Closes the parent's scope and finishes the parent. */
  void finishParent();

  /** Spans finished so far on this thread, children and parent. */
  long spansFinished();

  /**
   * How the names of this tracer's own threads begin (its reporter's, its HTTP client's), so that
   * their CPU and allocation can be told apart from the load thread's.
   */
  List<String> backgroundThreadPrefixes();

  /** The tracer's own counters (Spoor's metrics), or an empty map if it keeps none to read. */
  Map<String, Long> counters();

  /** Sends what is queued and stops the tracer, as a service does at shutdown. */
  @Override
  void close();

  /**
   * The load of the tracer named {@code tracer} ({@link Tracers}), reporting to the receiver on
   * 127.0.0.1 at {@code port} (UDP for the Jaeger tracers, HTTP for Brave and OpenTelemetry).
   */
  static TracedLoad create(String tracer, int port) {
    switch (tracer) {
      case Tracers.NOOP:
        return OpenTracingLoad.noop();
      case Tracers.SPOOR:
        return OpenTracingLoad.spoorFromEnv();
      case Tracers.JAEGER_CLIENT:
        return OpenTracingLoad.jaegerClientFromEnv();
      case Tracers.BRAVE:
        return new BraveLoad(port);
      case Tracers.OTEL:
        return new OtelLoad(port);
      default:
        throw new IllegalArgumentException("unknown tracer: " + tracer);
    }
  }
}
