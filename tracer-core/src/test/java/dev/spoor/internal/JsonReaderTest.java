package dev.spoor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.spoor.internal.JsonReader.MalformedJsonException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {
  private static Object parse(String json) throws MalformedJsonException {
    return JsonReader.parse(json, 8);
  }

  @Test
  void readsObjectsArraysAndScalarsAsPlainValues() throws Exception {
    Object value = parse(" {\"a\": [1, -2.5, 3e2, 0, -0.0e-1], \"b\": {\"c\": \"x\"},"
        + " \"t\": true, \"f\": false, \"n\": null}\n");
    Map<?, ?> object = (Map<?, ?>) value;
    assertEquals(Arrays.asList(1.0, -2.5, 300.0, 0.0, -0.0), object.get("a"));
    assertEquals("x", ((Map<?, ?>) object.get("b")).get("c"));
    assertEquals(Boolean.TRUE, object.get("t"));
    assertEquals(Boolean.FALSE, object.get("f"));
    assertTrue(object.containsKey("n"));
    assertNull(object.get("n"));
    assertEquals(List.of("a", "b", "t", "f", "n"), List.copyOf(object.keySet()), "document order");
  }

  @Test
  void decodesEveryEscape() throws Exception {
    assertEquals("q\" b\\ s/ \b\f\n\r\t \u00e9 \ud83d\ude00",
        parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00E9 \\ud83d\\ude00\""));
    assertEquals("plain", parse("\"plain\""));
    assertEquals("", parse("\"\""));
  }

  @Test
  void readsTopLevelScalarsAndEmptyContainers() throws Exception {
    assertNull(parse("null"));
    assertEquals(List.of(), parse("[]"));
    assertEquals(Map.of(), parse("{ }"));
    assertEquals(42.0, parse("42"));
  }

  @Test
  void valuesAreUnmodifiable() throws Exception {
    Map<?, ?> object = (Map<?, ?>) parse("{\"a\":[1]}");
    assertThrows(UnsupportedOperationException.class, object::clear);
    assertThrows(UnsupportedOperationException.class, ((List<?>) object.get("a"))::clear);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "{", "}", "[", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "[1 2]",
      "01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "NaN", "Infinity", "-Infinity", "tru",
      "nul", "True", "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "\"\\u12G4\"",
      "\"tab\tinside\"", "\"line\nbreak\"", "[1] [2]", "{} x", "// comment\n{}", "/* c */{}",
      "{\"a\":1,\"a\":2}", "\ufeff{}", "[\"\u0000\"]", "\"\\", "{\"a\":}", "[,]", "{,}",
      "\u00a0{}"})
  void rejectsWhatStrictJsonDoesNotAllow(String json) {
    MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> parse(json));
    assertTrue(e.getMessage().contains("at offset"), e.getMessage());
  }

  @Test
  void nestingDeeperThanTheLimitIsRejectedNotOverflowingTheStack() throws Exception {
    assertEquals(List.of(List.of(List.of())), JsonReader.parse("[[[]]]", 3));
    assertThrows(MalformedJsonException.class, () -> JsonReader.parse("[[[[]]]]", 3));
    String deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
    MalformedJsonException e =
        assertThrows(MalformedJsonException.class, () -> JsonReader.parse(deep, 16));
    assertTrue(e.getMessage().startsWith("nested deeper than 16"), e.getMessage());
    String deepObjects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
    assertThrows(MalformedJsonException.class, () -> JsonReader.parse(deepObjects, 16));
  }

  @Test
  void hugeNumbersAreReadAsInfinitiesOrRejectedByLength() throws Exception {
    assertEquals(Double.POSITIVE_INFINITY, parse("1e999999999"));
    assertEquals(Double.NEGATIVE_INFINITY, parse("-1e400"));
    assertEquals(0.0, parse("1e-999999999"));
    String longNumber = "1".repeat(JsonReader.MAX_NUMBER_LENGTH + 1);
    MalformedJsonException e =
        assertThrows(MalformedJsonException.class, () -> parse(longNumber));
    assertTrue(e.getMessage().contains("number longer than"), e.getMessage());
    assertThrows(MalformedJsonException.class, () -> parse("[" + "9".repeat(5_000_000) + "]"));
  }

  @Test
  void messagesShowAtMostOneCharacterAndNeverAControlCharacter() {
    MalformedJsonException e =
        assertThrows(MalformedJsonException.class, () -> parse("{\"a\":1}\r\nINJECTED"));
    assertEquals("content after the value at offset 9", e.getMessage());
    assertEquals(9, e.offset());
    e = assertThrows(MalformedJsonException.class, () -> parse("\u0007"));
    assertEquals("unexpected character U+0007 at offset 0", e.getMessage());
  }

  @Test
  void rejectsABadDepthLimitAsTheCallersBug() {
    assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{}", 0));
    assertThrows(IllegalArgumentException.class,
        () -> JsonReader.parse("{}", JsonReader.MAX_DEPTH + 1));
    assertThrows(MalformedJsonException.class, () -> JsonReader.parse(null, 4));
  }

  /**
   * 50,000 mutations of a strategy document and random strings: every one is either read or
   * rejected with {@link MalformedJsonException}; nothing else escapes.
   */
  @Test
  void garbageOnlyEverProducesAMalformedJsonException() {
    String seed = "{\"strategyType\":\"PROBABILISTIC\",\"operationSampling\":{"
        + "\"defaultSamplingProbability\":0.001,\"defaultLowerBoundTracesPerSecond\":0.0167,"
        + "\"perOperationStrategies\":[{\"operation\":\"GET /a\\u0020b\",\"probabilisticSampling\":"
        + "{\"samplingRate\":1e-3}}],\"defaultUpperBoundTracesPerSecond\":null}}";
    String alphabet = "{}[]\":,\\ -+.eE0123456789truefalsnul\u0000\n\t\u00e9\ud800";
    SplittableRandom random = new SplittableRandom(2024);
    int read = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder text = new StringBuilder(seed);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits && text.length() > 0; e++) {
        int at = random.nextInt(text.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0:
            text.setCharAt(at, c);
            break;
          case 1:
            text.insert(at, c);
            break;
          default:
            text.deleteCharAt(at);
        }
      }
      String candidate = random.nextInt(10) == 0 ? randomText(random, alphabet) : text.toString();
      try {
        JsonReader.parse(candidate, 8);
        read++;
      } catch (MalformedJsonException expected) {
        // the only allowed failure
      } catch (RuntimeException | StackOverflowError e) {
        fail("input " + UntrustedText.forLog(candidate, 400) + " threw " + e);
      }
    }
    assertTrue(read > 0, "some mutations stay valid JSON");
  }

  private static String randomText(SplittableRandom random, String alphabet) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(200);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
