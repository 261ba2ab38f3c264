package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SpanLockTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  /** A span's shape in miniature: plain fields written under the lock, frozen by finish. */
  private static final class Counted extends SpanLock {
    long writes; // guarded by the lock
    long writesAtFinish = -1; // written by the finisher before finishLocked()
    int holders; // guarded by the lock: more than 1 inside means no mutual exclusion

    /** A writer: ignored once finished, as a span's setters are. */
    boolean write() {
      lock();
      try {
        if (isFinished()) {
          return false;
        }
        if (++holders != 1) {
          throw new AssertionError("two threads hold the lock");
        }
        writes++;
        holders--;
        return true;
      } finally {
        unlock();
      }
    }

    /** The finisher: freezes the data, as SampledSpan.finish does; false when already finished. */
    boolean finish() {
      lock();
      try {
        if (isFinished()) {
          return false;
        }
        writesAtFinish = writes;
        finishLocked();
        return true;
      } finally {
        unlock();
      }
    }

    long read() {
      lock();
      try {
        return writes;
      } finally {
        unlock();
      }
    }
  }

  @Test
  void anOpenLockIsTakenAndReleased() {
    Counted lock = new Counted();
    assertFalse(lock.isFinished());
    assertTrue(lock.write());
    assertTrue(lock.write()); // released: a second lock() does not spin forever
    assertEquals(2, lock.read());
  }

  @Test
  void afterFinishWritesAreIgnoredAndReadsSeeTheFrozenData() {
    Counted lock = new Counted();
    lock.write();
    assertTrue(lock.finish());
    assertTrue(lock.isFinished());
    assertTimeoutPreemptively(DEADLINE, () -> {
      assertFalse(lock.write());
      assertFalse(lock.finish()); // one finish wins
      assertEquals(1, lock.read());
    });
    assertEquals(1, lock.writesAtFinish);
  }

  @Test
  void finishingWithoutTheLockWhileAnotherThreadHoldsItStaysFinished() throws Exception {
    SpanLock lock = new SpanLock();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread holder = new Thread(() -> {
      try {
        lock.lock();
        try {
          held.countDown();
          finished.await(); // an unsampled span's finish() lands while this thread writes
        } finally {
          lock.unlock();
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    holder.start();
    assertTrue(held.await(DEADLINE.toSeconds(), TimeUnit.SECONDS));
    lock.finishWithoutLock();
    finished.countDown();
    holder.join(DEADLINE.toMillis());
    assertFalse(holder.isAlive());
    assertEquals(null, failure.get());
    assertTrue(lock.isFinished()); // the holder's unlock() did not reopen it
    assertTimeoutPreemptively(DEADLINE, () -> lock.lock()); // and lock() does not wait for it
  }

  @Test
  void aFinishWithoutTheLockRacingLockAndUnlockIsNeverUndone() throws Exception {
    // An unsampled span finished on one thread while another renames it: the finish lands at a
    // different point of the other thread's lock()/unlock() each round, and must always stay.
    for (int round = 0; round < 3_000; round++) {
      SpanLock lock = new SpanLock();
      CyclicBarrier start = new CyclicBarrier(2);
      int pause = round % 64;
      AtomicBoolean giveUp = new AtomicBoolean();
      Thread holder = new Thread(() -> {
        try {
          start.await();
          while (!giveUp.get()) {
            lock.lock();
            try {
              if (lock.isFinished()) {
                return;
              }
            } finally {
              lock.unlock();
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      holder.start();
      start.await();
      for (int i = 0; i < pause; i++) {
        Thread.onSpinWait();
      }
      lock.finishWithoutLock();
      holder.join(DEADLINE.toMillis());
      boolean stuck = holder.isAlive();
      giveUp.set(true);
      holder.join();
      assertTrue(lock.isFinished(), "round " + round);
      assertFalse(stuck, "the holder never saw the finish in round " + round);
    }
  }

  @Test
  void writersRacingFinishNeverOverlapAndNeverWriteAfterIt() throws Exception {
    int writers = 3;
    int rounds = 500;
    int writesPerRound = 200;
    for (int round = 0; round < rounds; round++) {
      Counted span = new Counted();
      int pause = round % writesPerRound; // finish at a different point of the writers' run
      CyclicBarrier start = new CyclicBarrier(writers + 2);
      AtomicInteger accepted = new AtomicInteger();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        threads.add(new Thread(() -> {
          try {
            start.await();
            for (int i = 0; i < writesPerRound; i++) {
              if (span.write()) {
                accepted.incrementAndGet();
              }
            }
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          }
        }));
      }
      threads.add(new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < pause; i++) {
            Thread.onSpinWait();
          }
          span.finish();
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      }));
      // A reporter: waits for the finish, then reads without the lock what the finisher froze.
      long[] seenByReader = {-1};
      Thread reader = new Thread(() -> {
        try {
          start.await();
          while (!span.isFinished()) {
            Thread.onSpinWait();
          }
          seenByReader[0] = span.read();
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      });
      threads.forEach(Thread::start);
      reader.start();
      for (Thread thread : threads) {
        thread.join(DEADLINE.toMillis());
        assertFalse(thread.isAlive(), "a thread is stuck in round " + round);
      }
      reader.join(DEADLINE.toMillis());
      assertFalse(reader.isAlive(), "the reader is stuck in round " + round);
      assertEquals(null, failure.get(), "round " + round);
      assertEquals(accepted.get(), span.writes, "every accepted write counted once");
      assertEquals(span.writesAtFinish, span.writes, "no write after finish, round " + round);
      assertEquals(span.writesAtFinish, seenByReader[0], "the reader sees the frozen data");
    }
  }
}
