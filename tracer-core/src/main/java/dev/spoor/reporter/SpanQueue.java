package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded, lock-free queue of finished spans: many application threads offer, the reporter's one
 * thread polls. An offer is one CAS on the tail and two array writes: it never blocks, never
 * allocates, and fails at once when the queue is full or closed.
 *
 * <p>The algorithm is Dmitry Vyukov's bounded queue: each slot carries a sequence number that
 * says whose turn it is, so producers never wait for each other. Here the number is doubled (a
 * producer of position {@code p} waits for {@code 2p}, the consumer for {@code 2p + 1}): in the
 * original a producer waits for {@code p} and the consumer for {@code p + 1}, which with one slot
 * is the next producer's {@code p} too, so a queue of capacity 1 let every offer overwrite the
 * unread span and jammed the consumer. Closing sets a bit in the tail, after which no offer
 * succeeds, and lets the consumer know exactly which positions are still to come.
 */
final class SpanQueue {
  private static final long CLOSED = 1L << 62;

  private final int capacity;
  private final AtomicReferenceArray<FinishedSpan> slots;
  private final AtomicLongArray sequences;
  private final AtomicLong tail = new AtomicLong();
  private volatile long head; // written by the consumer only

  SpanQueue(int capacity) {
    this.capacity = capacity;
    this.slots = new AtomicReferenceArray<>(capacity);
    this.sequences = new AtomicLongArray(capacity);
    for (int i = 0; i < capacity; i++) {
      sequences.set(i, free(i));
    }
  }

  /**
   * Adds {@code span} unless the queue is full or closed; returns the length after (at least 1,
   * approximate under contention), or -1 when the span was not added.
   */
  long offer(FinishedSpan span) {
    long position = tail.get();
    while (true) {
      if ((position & CLOSED) != 0) {
        return -1;
      }
      int index = (int) (position % capacity);
      long turn = sequences.get(index) - free(position);
      if (turn == 0) {
        if (tail.compareAndSet(position, position + 1)) {
          break;
        }
        position = tail.get();
      } else if (turn < 0) {
        return -1; // the slot still holds the span of the previous lap: full
      } else {
        position = tail.get(); // another producer took this position
      }
    }
    int index = (int) (position % capacity);
    slots.lazySet(index, span);
    sequences.lazySet(index, published(position));
    return lengthAfterOffer(position, head);
  }

  /**
   * The length after an offer at {@code position}, read with the consumer at {@code head}. The
   * consumer may already have taken this span and later ones, leaving head beyond position + 1:
   * the span was still queued, so the answer is never below 1 (a 0 or negative answer made
   * {@code report()} count a queued span as dropped).
   */
  static long lengthAfterOffer(long position, long head) {
    return Math.max(1, position + 1 - head);
  }

  /** The next span, or null when none is published yet. Consumer thread only. */
  FinishedSpan poll() {
    long position = head;
    int index = (int) (position % capacity);
    if (sequences.get(index) != published(position)) {
      return null;
    }
    FinishedSpan span = slots.get(index);
    slots.lazySet(index, null);
    // Move head before freeing the slot: a producer that takes the freed slot then reads the new
    // head, so the length it computes never exceeds the capacity.
    head = position + 1;
    sequences.lazySet(index, free(position + capacity));
    return span;
  }

  // A slot's sequence: free for the producer of this position, or holding its span for the
  // consumer. Positions stay below CLOSED (2^62), so the doubled values fit in a long.
  private static long free(long position) {
    return position << 1;
  }

  private static long published(long position) {
    return (position << 1) | 1;
  }

  /** Refuses every later offer. Idempotent. */
  void close() {
    long current;
    do {
      current = tail.get();
    } while ((current & CLOSED) == 0 && !tail.compareAndSet(current, current | CLOSED));
  }

  boolean isClosed() {
    return (tail.get() & CLOSED) != 0;
  }

  /**
   * True when the queue is closed and every span offered before closing has been polled. A
   * producer that won its position just before the close may still be publishing its span.
   */
  boolean isClosedAndDrained() {
    long current = tail.get();
    return (current & CLOSED) != 0 && head == (current & ~CLOSED);
  }

  /** Spans waiting, approximately (exact when no offer or poll is in progress). */
  int size() {
    long length = (tail.get() & ~CLOSED) - head;
    return (int) Math.max(0, Math.min(length, capacity));
  }

  int capacity() {
    return capacity;
  }
}
