package dev.spoor.examples.shop;

/**
 * The traced system the demo drives: the four shop services, each with its own tracer reporting
 * to the agent it was started with. Each {@link #checkout} is one customer request, one trace.
 */
public interface DemoShop extends AutoCloseable {
  /** Starts the services so that their tracers send spans to {@code agent}. */
  @FunctionalInterface
  interface Factory {
    /**
     * Starts a shop reporting to {@code agent}.
     *
     * @throws Exception when a service cannot start (e.g. no free port)
     */
    DemoShop start(AgentEndpoint agent) throws Exception;
  }

  /**
   * Sends request number {@code requestNumber} (from 1) through the shop and returns once the
   * edge has answered.
   *
   * @throws Exception only when the request could not be sent at all; a 5xx is an outcome
   */
  RequestOutcome checkout(int requestNumber) throws Exception;

  /**
   * Returns once every span of the requests answered so far has been sent to the agent (or
   * dropped and counted), so the demo can draw the request's trace right away.
   */
  void flush();

  /**
   * How many messages (datagrams, or OTLP/HTTP requests) the shop's tracers have sent since it
   * started: once the agent has received as many, it holds every span sent before the last
   * {@link #flush()}.
   */
  long messagesSent();

  /** Stops the services and closes the tracers, which sends what they still hold. */
  @Override
  void close();
}
