package dev.spoor.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OperationTableTest {
  @Test
  void findsKeysByIdentityAndByEquality() {
    OperationTable<Object> table = new OperationTable<>(10);
    Object value = new Object();
    table.put("GET /checkout", value);
    assertSame(value, table.get("GET /checkout"));
    assertSame(value, table.get(new String("GET /checkout".toCharArray())));
    assertNull(table.get("GET /other"));
    assertNull(table.get(""));
  }

  @Test
  void keysWithTheSameHashAreAllFound() {
    // "Aa" and "BB" have the same String.hashCode, and so do all their concatenations.
    List<String> colliding = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      StringBuilder key = new StringBuilder();
      for (int bit = 0; bit < 6; bit++) {
        key.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      colliding.add(key.toString());
    }
    OperationTable<String> table = new OperationTable<>(64);
    for (String key : colliding) {
      assertSame(key, table.getOrAdd(key, k -> k));
    }
    for (String key : colliding) {
      assertEquals(key, table.get(new String(key.toCharArray())));
    }
    assertEquals(64, table.size());
  }

  @Test
  void addsUpToTheLimitThenAnswersNullForNewKeys() {
    OperationTable<String> table = new OperationTable<>(3);
    table.put("listed", "l");
    assertEquals("a", table.getOrAdd("a", k -> k));
    assertEquals("b", table.getOrAdd("b", k -> k));
    assertNull(table.getOrAdd("c", k -> k));
    assertEquals("a", table.getOrAdd("a", k -> "other"), "a known key is still found");
    assertEquals(3, table.size());
  }

  @Test
  void theTableIsAtLeastTwiceTheLimitAndAPowerOfTwo() {
    for (int limit : new int[] {1, 2, 3, 1000, 2000, 2048, 2049, 100_000}) {
      int capacity = new OperationTable<>(limit).capacity();
      assertTrue(capacity >= 2 * limit && Integer.bitCount(capacity) == 1, limit + ": " + capacity);
    }
  }

  @Test
  void threadsAddingTheSameKeysAgreeOnOneValueEachAndKeepTheLimit() throws Exception {
    OperationTable<Object> table = new OperationTable<>(500);
    Map<String, Object> seen = new ConcurrentHashMap<>();
    AtomicInteger disagreements = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < 5_000; i++) {
          String key = "op-" + (i % 1_000);
          Object value = table.getOrAdd(key, k -> new Object());
          if (value != null && seen.putIfAbsent(key, value) != null && seen.get(key) != value) {
            disagreements.incrementAndGet();
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(0, disagreements.get());
    assertEquals(500, table.size());
    assertEquals(500, seen.size());
    for (Map.Entry<String, Object> entry : seen.entrySet()) {
      assertSame(entry.getValue(), table.get(entry.getKey()));
    }
  }
}
