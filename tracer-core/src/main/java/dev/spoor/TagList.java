package dev.spoor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A span's tags as one flat {@code key, value, key, value, ...} array and a count, in the order
 * each key was first set: every rule about them (a key set again replaces its value in place, a
 * new key is appended unless the list is at its limit, the array grows by doubling) is written
 * here once, for its two owners, the span builder and the sampled span. A child span takes over
 * its builder's array without a copy.
 *
 * <p>The array and count live in the owner's own fields ({@link Owner}), not in an object of
 * their own: a list object would cost every tagged span 24 bytes more (Brave's {@code MutableSpan}
 * keeps its flat tag array in its own fields for the same reason). Not thread-safe: the sampled
 * span calls it under its lock.
 */
final class TagList {
  /** The first array holds 4 tags; it doubles when full. */
  static final int INITIAL_CAPACITY = 4;

  private TagList() {}

  /** Holds a tag list's array (null until the first tag) and count in its own fields. */
  interface Owner {
    /** The array, or null when there is no tag yet. */
    Object[] tagArray();

    /** The number of tags in {@link #tagArray()}. */
    int tagArrayCount();

    /** Keeps {@code array} (perhaps a new, larger one) and {@code count} as the tag list. */
    void updateTagArray(Object[] array, int count);
  }

  /**
   * Sets {@code key} to {@code value}: replaces the value in place when the key is set, else
   * appends the pair unless the owner already has {@code maxTags} tags.
   *
   * @return false when the tag was dropped at the limit
   */
  static boolean put(Owner owner, String key, Object value, int maxTags) {
    Object[] tags = owner.tagArray();
    int count = owner.tagArrayCount();
    int existing = indexOf(tags, count, key);
    if (existing >= 0) {
      tags[existing * 2 + 1] = value;
      return true;
    }
    if (count >= maxTags) {
      return false;
    }
    if (tags == null) {
      tags = new Object[INITIAL_CAPACITY * 2];
    } else if (count * 2 == tags.length) {
      Object[] grown = new Object[tags.length * 2];
      System.arraycopy(tags, 0, grown, 0, tags.length);
      tags = grown;
    }
    tags[count * 2] = key;
    tags[count * 2 + 1] = value;
    owner.updateTagArray(tags, count + 1);
    return true;
  }

  /** The position of {@code key} among the first {@code count} tags, or -1. */
  static int indexOf(Object[] tags, int count, String key) {
    for (int i = 0; i < count; i++) {
      if (key.equals(tags[i * 2])) {
        return i;
      }
    }
    return -1;
  }

  /** Key of tag {@code index} of {@code count}. */
  static String key(Object[] tags, int count, int index) {
    checkIndex(count, index);
    return (String) tags[index * 2];
  }

  /** Value of tag {@code index} of {@code count}. */
  static Object value(Object[] tags, int count, int index) {
    checkIndex(count, index);
    return tags[index * 2 + 1];
  }

  /** A copy of the first {@code count} tags as a map, in their order. */
  static Map<String, Object> toMap(Object[] tags, int count) {
    Map<String, Object> result = new LinkedHashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      result.put((String) tags[i * 2], tags[i * 2 + 1]);
    }
    return result;
  }

  private static void checkIndex(int count, int index) {
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException("tag index " + index + ", count " + count);
    }
  }
}
