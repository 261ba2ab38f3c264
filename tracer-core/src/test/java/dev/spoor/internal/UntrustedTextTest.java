package dev.spoor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {
  @Test
  void replacesLineBreaksControlCharactersAndNonAscii() {
    assertEquals("a??b?c?d?", UntrustedText.forLog("a\r\nb\u0000c\u00e9d\u2028"));
    assertEquals("visible ASCII ~ stays", UntrustedText.forLog("visible ASCII ~ stays"));
    assertEquals("?", UntrustedText.forLog("\u007f"));
  }

  @Test
  void cutsLongTextAndSaysSo() {
    assertEquals("abc...", UntrustedText.forLog("abcdef", 3));
    assertEquals("abc", UntrustedText.forLog("abc", 3));
    String huge = "x".repeat(10_000_000);
    assertEquals(UntrustedText.DEFAULT_MAX_LENGTH + 3, UntrustedText.forLog(huge).length());
  }

  @Test
  void nullIsShownAsNull() {
    assertEquals("null", UntrustedText.forLog(null));
  }
}
