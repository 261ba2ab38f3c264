package dev.spoor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentCodecTest {
  private static final String[] VALUES = {
      "", "plain", "with space", "a+b", "50%", "x=y&z,w;v", "Zoë Doe", "日本語", "emoji \ud83d\ude00",
      "quote\" back\\slash", "line\r\nbreak\ttab\u0000nul", "~'!()*-._"};

  @ParameterizedTest
  @ValueSource(strings = {"alice", "A-Z_a-z.0-9*", ""})
  void returnsAValueThatNeedsNoEscapeAsTheSameInstance(String value) {
    assertSame(value, PercentCodec.JAEGER.encode(value));
    assertSame(value, PercentCodec.JAEGER.decode(value));
    assertSame(value, PercentCodec.W3C_BAGGAGE.encode(value));
    assertSame(value, PercentCodec.W3C_BAGGAGE.decode(value));
  }

  @Test
  void jaegerWritesWhatUrlEncoderWritesButASpaceAsPercent20() {
    for (String value : VALUES) {
      String expected = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
      assertEquals(expected, PercentCodec.JAEGER.encode(value), value);
    }
    assertEquals("Zo%C3%AB%20Doe", PercentCodec.JAEGER.encode("Zoë Doe"));
    assertEquals("a%2Bb", PercentCodec.JAEGER.encode("a+b"));
  }

  @Test
  void bothDialectsRoundTripAndUrlDecoderReadsTheirOutput() {
    for (PercentCodec codec : new PercentCodec[] {PercentCodec.JAEGER, PercentCodec.W3C_BAGGAGE}) {
      for (String value : VALUES) {
        String encoded = codec.encode(value);
        for (char c : encoded.toCharArray()) {
          assertTrue(c > 0x20 && c < 0x7f && c != ',' && c != ';' && c != '+', codec + ": " + encoded);
        }
        assertEquals(value, codec.decode(encoded), codec + ": " + encoded);
        assertEquals(value, URLDecoder.decode(encoded, StandardCharsets.UTF_8), encoded);
      }
    }
  }

  @Test
  void roundTripsRandomText() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int run = 0; run < 2_000; run++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(20);
      while (text.length() < length) {
        int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x20, 0x7f)
            : random.nextInt(0x80, 0x10ffff);
        if (!Character.isSurrogate((char) codePoint) || codePoint > 0xffff) {
          text.appendCodePoint(codePoint);
        }
      }
      String value = text.toString();
      assertEquals(value, PercentCodec.JAEGER.decode(PercentCodec.JAEGER.encode(value)));
      assertEquals(value, PercentCodec.W3C_BAGGAGE.decode(PercentCodec.W3C_BAGGAGE.encode(value)));
    }
  }

  @Test
  void writesAnUnpairedSurrogateAsTheReplacementCharacter() {
    assertEquals("a%EF%BF%BDb", PercentCodec.JAEGER.encode("a\ud800b"));
    assertEquals("%EF%BF%BD", PercentCodec.W3C_BAGGAGE.encode("\udc00"));
  }

  @Test
  void w3cBaggageWritesBaggageOctetsAsTheyAreExceptPercentAndPlus() {
    assertEquals("a!#$&'()*-./:<=>?@[]^_`{|}~", PercentCodec.W3C_BAGGAGE.encode("a!#$&'()*-./:<=>?@[]^_`{|}~"));
    assertEquals("%20%22%2C%3B%5C%25%2B", PercentCodec.W3C_BAGGAGE.encode(" \",;\\%+"));
  }

  @Test
  void jaegerReadsPlusAsASpaceAndW3cAsAPlus() {
    assertEquals("a b", PercentCodec.JAEGER.decode("a+b"));
    assertEquals("a+b", PercentCodec.W3C_BAGGAGE.decode("a+b"));
    assertEquals("a+b c", PercentCodec.JAEGER.decode("a%2Bb%20c"));
  }

  @Test
  void readsLowerCaseEscapesAndDecodesSubranges() {
    assertEquals("ë", PercentCodec.JAEGER.decode("%c3%ab"));
    assertEquals("b c", PercentCodec.W3C_BAGGAGE.decode("a=b%20c;", 2, 7));
    assertEquals("bc", PercentCodec.W3C_BAGGAGE.decode("a=bc;", 2, 4));
  }

  @Test
  void replacesBytesThatAreNotUtf8AsUrlDecoderDoes() {
    for (String encoded : new String[] {"a%FFb", "%C3", "%C3x%AB", "%E6%97", "%80%80"}) {
      assertEquals(URLDecoder.decode(encoded, StandardCharsets.UTF_8),
          PercentCodec.JAEGER.decode(encoded), encoded);
    }
    assertEquals("a\ufffdb", PercentCodec.W3C_BAGGAGE.decode("a%FFb"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%4", "a%zz", "%G0", "%-1", "%+1", "%\u0661\u0661", "abc%2"})
  void refusesBadEscapes(String value) {
    assertNull(PercentCodec.JAEGER.decode(value));
    assertNull(PercentCodec.W3C_BAGGAGE.decode(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a,b", "a;b", "a\"b", "a\\b", "caf\u00e9", "tab\t", "a%20b c"})
  void w3cBaggageRefusesCharactersOutsideBaggageOctetsWhileJaegerKeepsThem(String value) {
    assertNull(PercentCodec.W3C_BAGGAGE.decode(value));
    assertEquals(value.replace("%20", " "), PercentCodec.JAEGER.decode(value));
  }

  @Test
  void b3BaggageEscapesTheSpacePercentControlsAndNonAsciiAndKeepsOtherVisibleAscii() {
    assertEquals("a%20b%25c%0D%0A%C3%AB", PercentCodec.B3_BAGGAGE.encode("a b%c\r\në"));
    assertSame("!\"#$&'()*+,/:;<=>?@[\\]^_`{|}~", PercentCodec.B3_BAGGAGE.encode(
        "!\"#$&'()*+,/:;<=>?@[\\]^_`{|}~"));
  }

  @Test
  void b3BaggageReadsPlusAsAPlusAndRefusesABadEscapeOrNonAscii() {
    assertEquals("a+b c", PercentCodec.B3_BAGGAGE.decode("a+b%20c"));
    assertEquals("Zo\u00eb", PercentCodec.B3_BAGGAGE.decode("Zo%c3%AB"));
    assertNull(PercentCodec.B3_BAGGAGE.decode("50%"));
    assertNull(PercentCodec.B3_BAGGAGE.decode("%zz"));
    assertNull(PercentCodec.B3_BAGGAGE.decode("\u00e9%20"));
  }

  @Test
  void eachDialectNamesItself() {
    assertEquals("PercentCodec.JAEGER", PercentCodec.JAEGER.toString());
    assertEquals("PercentCodec.W3C_BAGGAGE", PercentCodec.W3C_BAGGAGE.toString());
    assertEquals("PercentCodec.B3_BAGGAGE", PercentCodec.B3_BAGGAGE.toString());
  }
}
