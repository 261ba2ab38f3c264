package dev.spoor.http.wrappers;

/** Argument checks of the public entry points: fail fast, naming the argument. */
final class Arguments {
  private Arguments() {}

  static <T> T checkNotNull(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    return value;
  }
}
