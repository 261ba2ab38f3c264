package dev.spoor;

/**
 * Tags kept as one flat {@code key, value, key, value, ...} array, shared by the span builder and
 * the sampled span so that a child span can take over its builder's array without a copy.
 */
final class TagArrays {
  private TagArrays() {}

  /** The position of {@code key} among the first {@code count} tags, or -1. */
  static int indexOf(Object[] tags, int count, String key) {
    for (int i = 0; i < count; i++) {
      if (key.equals(tags[i * 2])) {
        return i;
      }
    }
    return -1;
  }

  /** {@code tags}, or a larger copy of it, with room for tag number {@code count} (0-based). */
  static Object[] withRoomFor(Object[] tags, int count) {
    if (tags == null) {
      return new Object[8];
    }
    if (count * 2 < tags.length) {
      return tags;
    }
    Object[] grown = new Object[tags.length * 2];
    System.arraycopy(tags, 0, grown, 0, tags.length);
    return grown;
  }
}
