package dev.spoor;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Where trace and span ids come from: random 64-bit values, by default from the calling thread's
 * {@link ThreadLocalRandom} (no shared state, no lock). A seam so that a test can hand out the
 * values it wants, a zero among them. Package-private: not part of the API.
 */
@FunctionalInterface
interface IdGenerator {
  /** The default: {@link ThreadLocalRandom#nextLong()} of the calling thread. */
  IdGenerator THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextLong();

  /** Any 64-bit value, zero included. */
  long nextLong();

  /**
   * A new id: {@link #nextLong()}, drawn again while it is zero, since a zero trace or span id
   * means "no id" to Jaeger, B3 and W3C Trace Context (W3C §3.2.2.3, §3.2.2.4).
   */
  default long nextId() {
    long id;
    do {
      id = nextLong();
    } while (id == 0L);
    return id;
  }
}
