package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bounded lock-free queue between finishing threads and the reporter's thread. */
class SpanQueueTest {
  private final List<FinishedSpan> spans = TestSpans.finished("queue", "span", 8);

  @Test
  void holdsExactlyItsCapacityAndRefusesMoreUntilOneIsTaken() {
    SpanQueue queue = new SpanQueue(3);
    assertEquals(1, queue.offer(spans.get(0)));
    assertEquals(2, queue.offer(spans.get(1)));
    assertEquals(3, queue.offer(spans.get(2)));
    assertEquals(-1, queue.offer(spans.get(3)), "full");
    assertEquals(3, queue.size());

    assertSame(spans.get(0), queue.poll());
    assertEquals(3, queue.offer(spans.get(3)));
    assertSame(spans.get(1), queue.poll());
    assertSame(spans.get(2), queue.poll());
    assertSame(spans.get(3), queue.poll());
    assertNull(queue.poll());
    assertEquals(0, queue.size());
  }

  @Test
  void aQueueOfOneHoldsOneSpanAndTheNextAfterItIsTaken() {
    // The smallest queue the builder allows (maxQueueSize 1): with Vyukov's original sequence
    // numbers the second offer took the unread slot and the consumer never saw a span again.
    SpanQueue queue = new SpanQueue(1);
    assertEquals(1, queue.offer(spans.get(0)));
    assertEquals(-1, queue.offer(spans.get(1)), "full");
    assertSame(spans.get(0), queue.poll());
    assertNull(queue.poll());
    assertEquals(1, queue.offer(spans.get(1)));
    assertEquals(-1, queue.offer(spans.get(2)), "full again");
    assertSame(spans.get(1), queue.poll());
    assertEquals(0, queue.size());
  }

  @Test
  void closingRefusesLaterOffersAndTellsWhenTheLastQueuedSpanIsTaken() {
    SpanQueue queue = new SpanQueue(4);
    queue.offer(spans.get(0));
    queue.offer(spans.get(1));
    queue.close();
    queue.close(); // idempotent

    assertTrue(queue.isClosed());
    assertEquals(-1, queue.offer(spans.get(2)));
    assertFalse(queue.isClosedAndDrained());
    assertSame(spans.get(0), queue.poll());
    assertFalse(queue.isClosedAndDrained());
    assertSame(spans.get(1), queue.poll());
    assertTrue(queue.isClosedAndDrained());
  }

  @Test
  void anOfferTheConsumerOvertookStillAnswersALengthOfOne() {
    // The interleaving the load test once found: the consumer took this span (position 4) and
    // two later ones before the producer read head, so head is 7.
    assertEquals(1, SpanQueue.lengthAfterOffer(4, 7));
    assertEquals(1, SpanQueue.lengthAfterOffer(4, 5));
    assertEquals(3, SpanQueue.lengthAfterOffer(4, 2));
  }

  @Test
  void theWakeThresholdIsAQuarterOfTheQueueAndAtLeastOneSpan() {
    assertEquals(1, RemoteReporter.wakeThreshold(1));
    assertEquals(1, RemoteReporter.wakeThreshold(3));
    assertEquals(1, RemoteReporter.wakeThreshold(7));
    assertEquals(25, RemoteReporter.wakeThreshold(100));
  }

  @Test
  void handsEverySpanOverExactlyOnceUnderContention() throws Exception {
    int producers = 4;
    int perProducer = 50_000;
    SpanQueue queue = new SpanQueue(64);
    List<FinishedSpan> items = TestSpans.finished("queue", "item", 16);
    // Each offer hands over a distinct wrapper, so the consumer can tell them apart.
    AtomicLong accepted = new AtomicLong();
    AtomicLong badLength = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<List<FinishedSpan>> offered = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      List<FinishedSpan> mine = new ArrayList<>();
      offered.add(mine);
      Thread thread = new Thread(() -> {
        awaitQuietly(start);
        for (int i = 0; i < perProducer; i++) {
          FinishedSpan span = new Distinct(items.get(i % items.size()));
          long length = queue.offer(span);
          if (length >= 0) {
            if (length < 1 || length > 64) {
              badLength.incrementAndGet();
            }
            accepted.incrementAndGet();
            mine.add(span);
          }
        }
      }, "producer-" + p);
      threads.add(thread);
      thread.start();
    }
    Map<FinishedSpan, Boolean> polled = new IdentityHashMap<>();
    int duplicates = 0;
    start.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (threads.stream().anyMatch(Thread::isAlive) || queue.size() > 0) {
      FinishedSpan span = queue.poll();
      if (span != null && polled.put(span, Boolean.TRUE) != null) {
        duplicates++;
      }
      assertTrue(System.nanoTime() - deadline < 0, "the producers did not finish");
    }
    for (Thread thread : threads) {
      thread.join();
    }
    FinishedSpan rest;
    while ((rest = queue.poll()) != null) {
      polled.put(rest, Boolean.TRUE);
    }

    assertEquals(0, duplicates);
    assertEquals(0, badLength.get());
    assertEquals(accepted.get(), polled.size());
    for (List<FinishedSpan> mine : offered) {
      for (FinishedSpan span : mine) {
        assertTrue(polled.containsKey(span), "an accepted span was never taken");
      }
    }
  }

  @Test
  void ofThreadsReleasedTogetherOnOneFreeSlotExactlyOneWins() throws Exception {
    int racers = 4;
    for (int round = 0; round < 200; round++) {
      SpanQueue queue = new SpanQueue(1);
      CountDownLatch start = new CountDownLatch(1);
      AtomicLong winners = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      for (int r = 0; r < racers; r++) {
        FinishedSpan span = spans.get(r);
        Thread thread = new Thread(() -> {
          awaitQuietly(start);
          if (queue.offer(span) == 1) {
            winners.incrementAndGet();
          }
        }, "racer-" + r);
        threads.add(thread);
        thread.start();
      }
      start.countDown();
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(20));
        assertFalse(thread.isAlive(), "a racer did not finish");
      }
      assertEquals(1, winners.get(), "round " + round);
      assertEquals(1, queue.size());
      FinishedSpan taken = queue.poll();
      assertTrue(spans.subList(0, racers).contains(taken));
      assertNull(queue.poll(), "round " + round + ": a second span in a queue of one");
    }
  }

  @Test
  void everySpanOfferedBeforeACloseIsTakenOnceAndNoneAfterIt() throws Exception {
    for (int round = 0; round < 50; round++) {
      SpanQueue queue = new SpanQueue(1024);
      CountDownLatch start = new CountDownLatch(1);
      AtomicLong accepted = new AtomicLong();
      AtomicLong acceptedAfterClose = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        Thread thread = new Thread(() -> {
          awaitQuietly(start);
          for (int i = 0; i < 300; i++) {
            boolean closedBefore = queue.isClosed();
            if (queue.offer(new Distinct(spans.get(i % spans.size()))) >= 0) {
              accepted.incrementAndGet();
              if (closedBefore) {
                acceptedAfterClose.incrementAndGet();
              }
            }
          }
        }, "producer-" + p);
        threads.add(thread);
        thread.start();
      }
      start.countDown();
      queue.close();
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(20));
        assertFalse(thread.isAlive(), "a producer did not finish");
      }
      Map<FinishedSpan, Boolean> polled = new IdentityHashMap<>();
      FinishedSpan span;
      while ((span = queue.poll()) != null) {
        assertNull(polled.put(span, Boolean.TRUE), "a span taken twice");
      }
      assertEquals(0, acceptedAfterClose.get(), "an offer succeeded after the close");
      assertEquals(accepted.get(), polled.size(), "round " + round);
      assertTrue(queue.isClosedAndDrained());
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A distinct object per offer that reads as the span it wraps. */
  private static final class Distinct implements FinishedSpan {
    private final FinishedSpan span;

    Distinct(FinishedSpan span) {
      this.span = span;
    }

    @Override
    public dev.spoor.SpoorSpanContext context() {
      return span.context();
    }

    @Override
    public dev.spoor.SpoorProcess process() {
      return span.process();
    }

    @Override
    public String operationName() {
      return span.operationName();
    }

    @Override
    public long startMicros() {
      return span.startMicros();
    }

    @Override
    public long durationMicros() {
      return span.durationMicros();
    }

    @Override
    public List<dev.spoor.SpoorReference> references() {
      return span.references();
    }

    @Override
    public int tagCount() {
      return span.tagCount();
    }

    @Override
    public String tagKey(int index) {
      return span.tagKey(index);
    }

    @Override
    public Object tagValue(int index) {
      return span.tagValue(index);
    }

    @Override
    public Map<String, Object> tags() {
      return span.tags();
    }

    @Override
    public List<dev.spoor.LogRecord> logs() {
      return span.logs();
    }
  }
}
