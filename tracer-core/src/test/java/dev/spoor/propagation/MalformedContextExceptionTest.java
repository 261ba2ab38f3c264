package dev.spoor.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Whatever codec throws it, the message the tracer logs is one line of bounded length. */
class MalformedContextExceptionTest {
  @Test
  void aMessageWithLineBreaksAndControlCharactersIsCleanedAndCut() {
    MalformedContextException e = new MalformedContextException(
        "x-custom: 'a\r\n2026-12-02 ERROR forged\u0000" + "z".repeat(500) + "'");
    // 38 characters of cleaned text, 162 of the z's to make the 200 kept, and the cut marker.
    assertEquals("x-custom: 'a??2026-12-02 ERROR forged?" + "z".repeat(162) + "...",
        e.getMessage());
    assertEquals(203, e.getMessage().length());
  }

  @Test
  void aShortCleanMessageIsKeptAsItIs() {
    assertEquals("uber-trace-id has bad flags: 'abc:def:0:zz'",
        new MalformedContextException("uber-trace-id has bad flags: 'abc:def:0:zz'").getMessage());
  }
}
