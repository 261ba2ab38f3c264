package dev.spoor.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The character rules both modules use before writing a header name or value. */
class HeaderSafetyTest {
  @ParameterizedTest
  @ValueSource(strings = {"user", "X-B3-TraceId", "a.b_c~d", "!#$%&'*+-.^_`|~09AZaz"})
  void acceptsRfc9110Tokens(String name) {
    assertTrue(HeaderSafety.isToken(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "two words", "a:b", "a\r\nb", "quote\"d", "caf\u00e9", "a,b", "(x)"})
  void rejectsWhatIsNotAToken(String name) {
    assertFalse(HeaderSafety.isToken(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "00-abc-01", "a value, with spaces; and=signs"})
  void acceptsVisibleAsciiAndSpacesAsValues(String value) {
    assertTrue(HeaderSafety.isVisibleAscii(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"line\r\nInjected: yes", "tab\there", "nul\u0000", "del\u007f", "\u00fc"})
  void rejectsControlsAndNonAsciiInValues(String value) {
    assertFalse(HeaderSafety.isVisibleAscii(value));
  }

  @Test
  void aNullNameIsNotAToken() {
    assertFalse(HeaderSafety.isToken(null));
  }
}
