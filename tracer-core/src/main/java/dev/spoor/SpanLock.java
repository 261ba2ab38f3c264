package dev.spoor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A span's lock and its finished state in one word: {@code OPEN}, {@code LOCKED} (one thread is
 * reading or writing the span's data) or {@code FINISHED} (frozen: never written again). Used as
 * {@code synchronized} would be:
 *
 * <pre>{@code
 * lock();
 * try {
 *   if (isFinished()) { ... ignore and count the call ... }
 *   ... write ...
 * } finally {
 *   unlock();
 * }
 * }</pre>
 *
 * <p>Once finished, {@link #lock()} and {@link #unlock()} only read the state: a reporter reading
 * a finished span's data pays two plain loads per accessor, no CAS. Writing takes one CAS to lock
 * and one to unlock, finishing one CAS and a release store (a monitor costs two CASes per use; see
 * RATIONALE.md, "Freezing a span with one CAS").
 *
 * <p>A span extends this class rather than holding one, so that the state costs a field and not an
 * object (an unsampled span is 32 bytes). Package-private: not part of the span's API.
 */
class SpanLock {
  private static final VarHandle STATE;
  private static final byte OPEN = 0;
  private static final byte LOCKED = 1;
  private static final byte FINISHED = 2;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(SpanLock.class, "state", byte.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // OPEN, LOCKED or FINISHED; only through STATE. A byte, not an int: a sampled span's fields then
  // fit in 72 bytes, where 4 more bytes would make it 80.
  private byte state;

  /**
   * Takes the lock, spinning while another thread holds it (for a few field writes); once the
   * span is finished, returns at once without it, as the data is frozen and may be read as is. Not
   * reentrant.
   */
  final void lock() {
    int spins = 0;
    while (true) {
      byte current = (byte) STATE.getAcquire(this);
      if (current == FINISHED) {
        return;
      }
      if (current == OPEN && STATE.compareAndSet(this, OPEN, LOCKED)) {
        return;
      }
      if (++spins < 128) {
        Thread.onSpinWait();
      } else {
        Thread.yield(); // the holder was descheduled
      }
    }
  }

  /**
   * Releases what {@link #lock()} took. Once finished, does nothing. A CAS, not a store: {@link
   * #finishWithoutLock()} may have written {@code FINISHED} meanwhile, and that must stay.
   */
  final void unlock() {
    if ((byte) STATE.getAcquire(this) == LOCKED) {
      STATE.compareAndSet(this, LOCKED, OPEN);
    }
  }

  /** True once {@code finish} was called: the span's data is frozen, and writes are ignored. */
  public final boolean isFinished() {
    return (byte) STATE.getAcquire(this) == FINISHED;
  }

  /**
   * Finishes the span: the caller holds the lock and has written everything a reader of the
   * frozen span reads (a release store orders those writes before the state). The caller's
   * {@link #unlock()} then does nothing.
   */
  final void finishLocked() {
    STATE.setRelease(this, FINISHED);
  }

  /**
   * Finishes a span that has no data to freeze (an unsampled span), without taking the lock: a
   * release store, no CAS. A thread holding the lock meanwhile keeps it until its {@link
   * #unlock()}, which then leaves the span finished.
   */
  final void finishWithoutLock() {
    STATE.setRelease(this, FINISHED);
  }
}
