package dev.spoor.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counters kept in one row of cells per thread: an increment is a plain load and an opaque store
 * by the only thread that writes that row, no CAS (a {@link java.util.concurrent.atomic.LongAdder}
 * pays a CAS per increment, about 6 ns here, which was 15 % of an unsampled span). Reading sums
 * every row; rows of threads that have ended are folded into a retired total and dropped, so
 * nothing is lost and the rows do not pile up with thread churn.
 */
final class ThreadCounters {
  private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);

  private final int size;
  private final ThreadLocal<Row> rows = new ThreadLocal<>();
  private final ConcurrentLinkedQueue<Row> live = new ConcurrentLinkedQueue<>();
  private final long[] retired; // guarded by this
  private final AtomicInteger registrations = new AtomicInteger();

  ThreadCounters(int size) {
    this.size = size;
    this.retired = new long[size];
  }

  void add(int index, long delta) {
    Row row = rows.get();
    if (row == null) {
      row = register();
    }
    long[] cells = row.cells;
    // Only this thread writes the row; the opaque store keeps readers from seeing a torn value.
    CELL.setOpaque(cells, index, cells[index] + delta);
  }

  private Row register() {
    // Rows of ended threads are folded when the counters are read; a service that starts many
    // short-lived threads and never reads its metrics must not pile rows up either, so every
    // FOLD_EVERY new rows the dead ones are folded here too (a cost of once per thread, amortised).
    if (registrations.incrementAndGet() % FOLD_EVERY == 0) {
      foldEndedThreads();
    }
    Row row = new Row(Thread.currentThread(), size);
    live.add(row);
    rows.set(row);
    return row;
  }

  private static final int FOLD_EVERY = 64;

  synchronized long sum(int index) {
    foldEndedThreads();
    long total = retired[index];
    for (Row row : live) {
      total += (long) CELL.getOpaque(row.cells, index);
    }
    return total;
  }

  /** Moves the counts of threads that have ended into {@code retired} and forgets their rows. */
  private synchronized void foldEndedThreads() {
    for (Iterator<Row> it = live.iterator(); it.hasNext(); ) {
      Row row = it.next();
      Thread owner = row.owner.get();
      if (owner == null || !owner.isAlive()) {
        // The thread ended (isAlive() false orders its last writes before this read): fold it.
        for (int i = 0; i < size; i++) {
          retired[i] += (long) CELL.getOpaque(row.cells, i);
        }
        it.remove();
      }
    }
  }

  /** Rows currently kept, for tests: live threads plus ended ones not folded yet. */
  int rowCount() {
    int count = 0;
    for (Row ignored : live) {
      count++;
    }
    return count;
  }

  private static final class Row {
    final WeakReference<Thread> owner;
    final long[] cells;

    Row(Thread owner, int size) {
      this.owner = new WeakReference<>(owner);
      this.cells = new long[size];
    }
  }
}
