package dev.spoor.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.propagation.MalformedContextException;
import io.opentracing.propagation.TextMapAdapter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A received header that carries CR, LF or other control characters reaches the message of a
 * {@link MalformedContextException} (which the tracer logs) only on one line and bounded in
 * length, whichever codec quotes it: the text goes through tracer-core's one sanitiser.
 * (Log lines themselves are checked in tracer-core's {@code JaegerCodecTest}; the codecs' warnings
 * here are rate-limited per class, so a capture would depend on which test ran first.)
 */
class ForgedLogLinesTest {
  private static final String FORGED = "\r\n2026-12-02 07:00:00 ERROR [main] Login: admin\r\n";

  private static void assertOneBoundedLine(String text, int maxLength) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      assertFalse(Character.isISOControl(c) || c == '\u2028' || c == '\u2029',
          "U+" + Integer.toHexString(c) + " at " + i + " in: " + text);
    }
    assertTrue(text.length() <= maxLength, text.length() + " characters: " + text);
  }

  @Test
  void aTraceparentWithALineBreakIsQuotedOnOneLine() {
    MalformedContextException e = assertThrows(MalformedContextException.class,
        () -> TraceParent.parse("00-" + FORGED + "x".repeat(40)));
    assertOneBoundedLine(e.getMessage(), 200);
    assertTrue(e.getMessage().contains("00-??2026-12-02"), e.getMessage());
  }

  @Test
  void aTracestateWithALineBreakIsQuotedOnOneLine() {
    MalformedContextException e = assertThrows(MalformedContextException.class,
        () -> TraceState.normalize("a=1," + FORGED.repeat(10)));
    assertOneBoundedLine(e.getMessage(), 200);
  }

  @Test
  void aB3HeaderWithALineBreakIsQuotedOnOneLine() {
    Map<String, String> headers = new HashMap<>();
    headers.put("b3", "80f198ee56343ba864fe8b2a57d3eff7-" + FORGED);
    MalformedContextException e = assertThrows(MalformedContextException.class,
        () -> B3Headers.extract(new TextMapAdapter(headers)));
    assertOneBoundedLine(e.getMessage(), 200);
  }
}
