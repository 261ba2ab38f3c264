package dev.spoor.scope;

import org.slf4j.MDC;
import org.slf4j.helpers.NOPMDCAdapter;

/**
 * The only door to SLF4J's MDC. slf4j-api is optional for Spoor: the application brings its own
 * version (1.7 or 2.x; only {@code get}, {@code put}, {@code remove} and {@code getMDCAdapter},
 * which both have, are called), or none. Whether the MDC can be used is decided once, when this
 * class is initialised; the other methods are called only when it can.
 */
final class Slf4jMdc {
  /**
   * True when {@code org.slf4j.MDC} is on the class path and its adapter keeps what it is given.
   * False without slf4j-api, and without a binding (or with slf4j-nop, or a binding of the other
   * SLF4J generation, which SLF4J ignores): then the MDC discards everything, and formatting ids
   * for it on every activation would be pure waste.
   */
  static final boolean AVAILABLE = detect();

  private Slf4jMdc() {}

  private static boolean detect() {
    try {
      Object adapter = MDC.getMDCAdapter();
      return adapter != null && !(adapter instanceof NOPMDCAdapter);
    } catch (LinkageError | RuntimeException e) {
      // NoClassDefFoundError: no slf4j-api at all; anything else: an SLF4J that cannot start.
      return false;
    }
  }

  static String get(String key) {
    return MDC.get(key);
  }

  static void put(String key, String value) {
    MDC.put(key, value);
  }

  static void remove(String key) {
    MDC.remove(key);
  }
}
