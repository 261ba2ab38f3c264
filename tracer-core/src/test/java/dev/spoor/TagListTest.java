package dev.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagListTest {
  /** The smallest owner: the two fields a builder or span keeps. */
  private static final class Tags implements TagList.Owner {
    Object[] array;
    int count;

    @Override
    public Object[] tagArray() {
      return array;
    }

    @Override
    public int tagArrayCount() {
      return count;
    }

    @Override
    public void updateTagArray(Object[] newArray, int newCount) {
      array = newArray;
      count = newCount;
    }

    Map<String, Object> map() {
      return TagList.toMap(array, count);
    }
  }

  @Test
  void anEmptyListHasNoArrayUntilTheFirstTag() {
    Tags tags = new Tags();
    assertNull(tags.array);
    assertEquals(Map.of(), tags.map());
    assertTrue(TagList.put(tags, "k", "v", 10));
    assertEquals(TagList.INITIAL_CAPACITY * 2, tags.array.length);
    assertEquals(1, tags.count);
  }

  @Test
  void aKeySetAgainReplacesItsValueInPlace() {
    Tags tags = new Tags();
    TagList.put(tags, "a", "1", 10);
    TagList.put(tags, "b", 2, 10);
    TagList.put(tags, "a", true, 10);
    assertEquals(2, tags.count);
    assertEquals(List.of("a", "b"), List.copyOf(tags.map().keySet()));
    assertEquals(true, TagList.value(tags.array, tags.count, 0));
    assertEquals(2, TagList.value(tags.array, tags.count, 1));
  }

  @Test
  void aKeySetAgainAtTheLimitIsReplacedNotDropped() {
    Tags tags = new Tags();
    TagList.put(tags, "a", "1", 2);
    TagList.put(tags, "b", "2", 2);
    assertTrue(TagList.put(tags, "b", "3", 2));
    assertEquals("3", TagList.value(tags.array, tags.count, 1));
  }

  @Test
  void aNewKeyAtTheLimitIsDropped() {
    Tags tags = new Tags();
    assertTrue(TagList.put(tags, "a", "1", 1));
    assertFalse(TagList.put(tags, "b", "2", 1));
    assertEquals(Map.of("a", "1"), tags.map());
    Tags none = new Tags();
    assertFalse(TagList.put(none, "a", "1", 0));
    assertNull(none.array);
  }

  @Test
  void theArrayDoublesWhenFullAndKeepsTheOrderOfFirstSet() {
    Tags tags = new Tags();
    Map<String, Object> expected = new LinkedHashMap<>();
    Object[] first = null;
    for (int i = 0; i < 20; i++) {
      TagList.put(tags, "k" + i, i, 100);
      expected.put("k" + i, i);
      if (i == 0) {
        first = tags.array;
      }
      if (i < TagList.INITIAL_CAPACITY) {
        assertSame(first, tags.array, "no new array while there is room");
      }
    }
    assertEquals(32 * 2, tags.array.length); // 4 -> 8 -> 16 -> 32 tags
    assertEquals(20, tags.count);
    assertEquals(expected, tags.map());
    for (int i = 0; i < 20; i++) {
      assertEquals("k" + i, TagList.key(tags.array, tags.count, i));
      assertEquals(i, TagList.indexOf(tags.array, tags.count, "k" + i));
    }
    assertEquals(-1, TagList.indexOf(tags.array, tags.count, "absent"));
  }

  @Test
  void anIndexOutsideTheCountIsRefusedEvenWhenTheArrayHasRoom() {
    Tags tags = new Tags();
    TagList.put(tags, "a", "1", 10);
    assertThrows(IndexOutOfBoundsException.class, () -> TagList.key(tags.array, tags.count, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> TagList.value(tags.array, tags.count, -1));
    assertThrows(IndexOutOfBoundsException.class, () -> TagList.key(null, 0, 0));
  }
}
