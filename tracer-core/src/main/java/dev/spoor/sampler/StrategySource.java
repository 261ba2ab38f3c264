package dev.spoor.sampler;

import java.io.IOException;

/**
 * Where a remote sampler gets its strategy: the seam between polling and the transport. Spoor's
 * is {@link HttpStrategySource}; called only from the sampler's own thread.
 */
interface StrategySource {
  /**
   * The answer for {@code serviceName}, as text; bounded in size and time by the source.
   *
   * @throws IOException when there is no answer, or not a usable one (HTTP error, too large)
   */
  String fetch(String serviceName) throws IOException;
}
