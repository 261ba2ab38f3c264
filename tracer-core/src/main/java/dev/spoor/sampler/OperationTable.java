package dev.spoor.sampler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The per-operation samplers of one strategy: a lock-free, insert-only hash table of fixed size
 * (open addressing, linear probing, at most half full), holding at most {@code limit} entries.
 * A lookup is one hash, usually one array read and an identity comparison (operation names are
 * mostly interned literals, and the strategy's are interned too), so it costs about what a
 * {@code HashMap.get} does, less than a {@code ConcurrentHashMap.get}, and never allocates. An
 * insert claims an empty slot with one CAS; entries are never removed or replaced (an update
 * builds a new table), which is what keeps both sides this simple.
 */
final class OperationTable<V> {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Entry[].class);

  private final Entry<V>[] slots;
  private final int mask;
  private final int limit;
  private final AtomicInteger size = new AtomicInteger(); // entries, plus adds in progress

  /** A table for up to {@code limit} entries (the probe never fills more than half of it). */
  @SuppressWarnings("unchecked")
  OperationTable(int limit) {
    int capacity = Integer.highestOneBit(Math.max(2, limit) * 2 - 1) << 1; // >= 2 * limit
    this.slots = (Entry<V>[]) new Entry<?>[capacity];
    this.mask = capacity - 1;
    this.limit = limit;
  }

  /** The value of {@code key}, or null. */
  V get(String key) {
    int hash = spread(key.hashCode());
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      @SuppressWarnings("unchecked")
      Entry<V> entry = (Entry<V>) SLOT.getAcquire(slots, i);
      if (entry == null) {
        return null;
      }
      if (entry.key == key || (entry.hash == hash && entry.key.equals(key))) {
        return entry.value;
      }
    }
  }

  /**
   * The value of {@code key}, adding {@code create}'s while fewer than {@code limit} entries are
   * held; null when the table is full and {@code key} is not in it. {@code create} may run and
   * its value be dropped when another thread adds the same key at the same moment.
   */
  V getOrAdd(String key, Function<String, V> create) {
    V existing = get(key);
    if (existing != null || size.get() >= limit) {
      return existing; // full: one volatile read, no write, for an unknown key
    }
    if (size.incrementAndGet() > limit) {
      size.decrementAndGet(); // another thread took the last room, or is adding this very key
      return get(key);
    }
    V value = create.apply(key);
    V added = insert(key, value);
    if (added != value) {
      size.decrementAndGet(); // the key was there already: nothing was added
    }
    return added;
  }

  /**
   * Adds {@code key} unless present, counting it toward the limit but not checked against it (the
   * strategy's listed operations, which the caller keeps within the limit); the value now held.
   */
  V put(String key, V value) {
    size.incrementAndGet();
    V held = insert(key, value);
    if (held != value) {
      size.decrementAndGet();
    }
    return held;
  }

  private V insert(String key, V value) {
    int hash = spread(key.hashCode());
    Entry<V> entry = new Entry<>(key, hash, value);
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      @SuppressWarnings("unchecked")
      Entry<V> present = (Entry<V>) SLOT.getAcquire(slots, i);
      if (present == null) {
        if (SLOT.compareAndSet(slots, i, null, entry)) {
          return value;
        }
        @SuppressWarnings("unchecked")
        Entry<V> winner = (Entry<V>) SLOT.getAcquire(slots, i);
        present = winner; // another thread took the slot: look at what it put there
      }
      if (present.key == key || (present.hash == hash && present.key.equals(key))) {
        return present.value;
      }
    }
  }

  /** Entries held (a moment's count while threads add). */
  int size() {
    return size.get();
  }

  /** Slots in the table: twice the limit or more, a power of two (for tests). */
  int capacity() {
    return slots.length;
  }

  // As HashMap: fold the upper bits in, so that keys whose hashes differ only there spread.
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  private static final class Entry<V> {
    final String key;
    final int hash;
    final V value;

    Entry(String key, int hash, V value) {
      this.key = key;
      this.hash = hash;
      this.value = value;
    }
  }
}
