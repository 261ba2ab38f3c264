package dev.spoor.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Whatever codec throws it, the message the tracer logs is one line of bounded length. */
class MalformedContextExceptionTest {
  @Test
  void aMessageWithLineBreaksAndControlCharactersIsCleanedAndCut() {
    MalformedContextException e = new MalformedContextException(
        "x-custom: 'a\r\n2026-12-02 ERROR forged\u0000" + "z".repeat(500) + "'");
    String expected = "x-custom: 'a??2026-12-02 ERROR forged?";
    expected += "z".repeat(MalformedContextException.MAX_MESSAGE_LENGTH - expected.length())
        + "...";
    assertEquals(expected, e.getMessage());
    assertEquals(203, e.getMessage().length());
  }

  @Test
  void aShortCleanMessageIsKeptAsItIs() {
    assertEquals("uber-trace-id has bad flags: 'abc:def:0:zz'",
        new MalformedContextException("uber-trace-id has bad flags: 'abc:def:0:zz'").getMessage());
  }
}
