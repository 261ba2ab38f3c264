package dev.spoor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {
  @Test
  void replacesCarriageReturnAndLineFeed() {
    assertEquals("a??b", UntrustedText.forLog("a\r\nb"));
    assertEquals("?forged", UntrustedText.forLog("\nforged"));
    assertEquals("cr?only", UntrustedText.forLog("cr\ronly"));
  }

  @Test
  void replacesOtherControlCharacters() {
    assertEquals("?a?b?c?d?e", UntrustedText.forLog("\u0000a\tb\u001bc\u007fd\u0085e"));
  }

  @Test
  void replacesNonAsciiIncludingUnicodeLineSeparatorsAndBidiOverrides() {
    assertEquals("a?b?c?d?", UntrustedText.forLog("a\u2028b\u2029c\u202ed\u00e9"));
    assertEquals("??", UntrustedText.forLog("\ud83d\ude00"));
  }

  @Test
  void keepsVisibleAsciiAndSpacesAsTheyAre() {
    assertEquals("visible ASCII ~ stays: {} 'x' \"y\"",
        UntrustedText.forLog("visible ASCII ~ stays: {} 'x' \"y\""));
  }

  @Test
  void cutsLongTextAtTheLimitAndMarksTheCutWithAnEllipsis() {
    assertEquals("abc...", UntrustedText.forLog("abcdef", 3));
    assertEquals("abc", UntrustedText.forLog("abc", 3));
    assertEquals("...", UntrustedText.forLog("abc", 0));
    assertEquals("...", UntrustedText.forLog("abc", -5));
  }

  @Test
  void cutsToTheDefaultOf160Characters() {
    String huge = "x".repeat(10_000_000);
    String shown = UntrustedText.forLog(huge);
    assertEquals(163, shown.length());
    assertEquals("x".repeat(160) + "...", shown);
  }

  @Test
  void cleansBeforeCuttingSoALineBreakAtTheLimitIsReplacedToo() {
    assertEquals("ab?...", UntrustedText.forLog("ab\nforged line", 3));
  }

  @Test
  void nullIsShownAsNull() {
    assertEquals("null", UntrustedText.forLog(null));
    assertEquals("null", UntrustedText.forLog(null, 2));
  }

  @Test
  void readsAnyCharSequence() {
    assertEquals("sb?x", UntrustedText.forLog(new StringBuilder("sb\rx")));
  }
}
