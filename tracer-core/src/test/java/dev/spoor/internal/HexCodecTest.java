package dev.spoor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HexCodecTest {
  @Test
  void writesIdsAsLowerCaseDigitsPaddedTo16Or32() {
    assertEquals("00000000000000ff", HexCodec.toHex16(255));
    assertEquals("ffffffffffffffff", HexCodec.toHex16(-1));
    assertEquals("0000000000000001000000000000abcd", HexCodec.toHex32(1, 0xabcd));
  }

  @Test
  void unpaddedLengthIsWhatLongToHexStringWrites() {
    assertEquals(1, HexCodec.unpaddedLength(0));
    assertEquals(1, HexCodec.unpaddedLength(0xf));
    assertEquals(2, HexCodec.unpaddedLength(0x10));
    assertEquals(16, HexCodec.unpaddedLength(Long.MIN_VALUE));
    char[] out = new char[3];
    HexCodec.writeHex(0xabc, 3, out, 0);
    assertEquals("abc", new String(out));
  }

  @Test
  void parsesEitherCaseAndAnswersZeroForAnythingElse() {
    assertEquals(0xabcdefL, HexCodec.parseHex64("ABCdef", 0, 6));
    assertEquals(-1L, HexCodec.parseHex64("ffffffffffffffff", 0, 16));
    assertEquals(0L, HexCodec.parseHex64("12g4", 0, 4));
    assertEquals(0L, HexCodec.parseHex64("12345678901234567", 0, 17));
    assertEquals(0L, HexCodec.parseHex64("", 0, 0));
    assertEquals(0L, HexCodec.parseHex64("abc", 2, 5));
    assertEquals(0xabL, HexCodec.parseLowerHex64("ab", 0, 2));
    assertEquals(0L, HexCodec.parseLowerHex64("AB", 0, 2));
  }

  @Test
  void isHexChecksEveryDigitAndTheCaseWhenAsked() {
    assertTrue(HexCodec.isHex("0aF9", 0, 4, false));
    assertFalse(HexCodec.isHex("0aF9", 0, 4, true));
    assertFalse(HexCodec.isHex("0a-9", 0, 4, false));
    assertFalse(HexCodec.isHex("0a", 1, 2, false));
  }

  @Test
  void digitValueReadsOneDigitOfEitherCase() {
    assertEquals(0, HexCodec.digitValue('0'));
    assertEquals(9, HexCodec.digitValue('9'));
    assertEquals(10, HexCodec.digitValue('a'));
    assertEquals(15, HexCodec.digitValue('F'));
    assertEquals(-1, HexCodec.digitValue('g'));
    assertEquals(-1, HexCodec.digitValue('/'));
    assertEquals(-1, HexCodec.digitValue('\u0660')); // ARABIC-INDIC DIGIT ZERO: not hex here
  }

  @Test
  void upperDigitWritesTheLowNibbleInUpperCase() {
    assertEquals('0', HexCodec.upperDigit(0));
    assertEquals('A', HexCodec.upperDigit(10));
    assertEquals('F', HexCodec.upperDigit(0xff));
  }
}
