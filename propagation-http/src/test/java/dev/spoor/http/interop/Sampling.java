package dev.spoor.http.interop;

/** The sampling state a case sends: the three a Jaeger context can hold. */
enum Sampling {
  SAMPLED, UNSAMPLED, DEBUG;

  /** Its name in the peers' JSON. */
  String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
