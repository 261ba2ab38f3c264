package dev.spoor.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader (RFC 8259) for answers from servers Spoor does not control, such as
 * a sampling-strategy endpoint. It builds plain values: {@code Map<String, Object>} (in document
 * order) for objects, {@code List<Object>} for arrays, {@code String}, {@code Double} for every
 * number, {@code Boolean}, and {@code null} for JSON {@code null}; maps and lists are unmodifiable.
 *
 * <p>Strict: no comments, trailing commas, single quotes, bare words, {@code NaN}, leading zeros,
 * control characters in strings, duplicate names or content after the value. Bounded: nesting
 * deeper than {@code maxDepth} and number tokens longer than {@value #MAX_NUMBER_LENGTH}
 * characters are rejected, and the caller bounds the text's length. Whatever the input, the only
 * exception is {@link MalformedJsonException} (checked), and the work is linear in the input.
 * Not API.
 */
public final class JsonReader {
  /** Longest number token accepted; Jaeger's numbers are a few digits, a longer one is hostile. */
  public static final int MAX_NUMBER_LENGTH = 64;
  /** Deepest nesting a caller may allow: the reader recurses once per level. */
  public static final int MAX_DEPTH = 64;

  private final String text;
  private final int maxDepth;
  private int pos;

  private JsonReader(String text, int maxDepth) {
    this.text = text;
    this.maxDepth = maxDepth;
  }

  /**
   * Reads one JSON value that must make up the whole of {@code text} (surrounding whitespace
   * allowed).
   *
   * @param text the document; its length is the caller's to bound
   * @param maxDepth how many objects and arrays may nest, 1 to {@value #MAX_DEPTH} (1: only a
   *     flat object or array)
   * @return the value, or null for the document {@code null}
   * @throws MalformedJsonException when the text is not one strict JSON value within the bounds
   * @throws IllegalArgumentException when {@code maxDepth} is out of range (a caller's bug)
   */
  public static Object parse(String text, int maxDepth) throws MalformedJsonException {
    if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
      throw new IllegalArgumentException("maxDepth must be 1 to " + MAX_DEPTH + ", was " + maxDepth);
    }
    if (text == null) {
      throw new MalformedJsonException("no text", 0);
    }
    JsonReader reader = new JsonReader(text, maxDepth);
    reader.skipWhitespace();
    Object value = reader.value(0);
    reader.skipWhitespace();
    if (reader.pos < text.length()) {
      throw reader.error("content after the value");
    }
    return value;
  }

  private Object value(int depth) throws MalformedJsonException {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character " + shown(c));
    }
  }

  private Map<String, Object> object(int depth) throws MalformedJsonException {
    checkDepth(depth);
    pos++; // '{'
    Map<String, Object> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      int nameAt = pos;
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Object value = value(depth);
      if (members.containsKey(name)) {
        pos = nameAt;
        throw error("duplicate member name");
      }
      members.put(name, value);
      skipWhitespace();
      char next = peek();
      pos++;
      if (next == '}') {
        return Collections.unmodifiableMap(members);
      }
      if (next != ',') {
        pos--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) throws MalformedJsonException {
    checkDepth(depth);
    pos++; // '['
    List<Object> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(elements);
    }
    while (true) {
      skipWhitespace();
      elements.add(value(depth));
      skipWhitespace();
      char next = peek();
      pos++;
      if (next == ']') {
        return Collections.unmodifiableList(elements);
      }
      if (next != ',') {
        pos--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() throws MalformedJsonException {
    pos++; // opening quote
    StringBuilder out = null;
    int runStart = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        String value = out == null
            ? text.substring(runStart, pos) : out.append(text, runStart, pos).toString();
        pos++;
        return value;
      }
      if (c < 0x20) {
        throw error("control character " + shown(c) + " in a string");
      }
      if (c != '\\') {
        pos++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(text, runStart, pos);
      pos++;
      if (pos >= text.length()) {
        break;
      }
      char escaped = text.charAt(pos++);
      switch (escaped) {
        case '"':
        case '\\':
        case '/':
          out.append(escaped);
          break;
        case 'b':
          out.append('\b');
          break;
        case 'f':
          out.append('\f');
          break;
        case 'n':
          out.append('\n');
          break;
        case 'r':
          out.append('\r');
          break;
        case 't':
          out.append('\t');
          break;
        case 'u':
          out.append(hex4());
          break;
        default:
          pos--;
          throw error("bad escape " + shown(escaped));
      }
      runStart = pos;
    }
    throw error("unterminated string");
  }

  private char hex4() throws MalformedJsonException {
    if (pos + 4 > text.length()) {
      throw error("short \\u escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = HexCodec.digitValue(text.charAt(pos));
      if (digit < 0) {
        throw error("bad \\u escape");
      }
      value = value * 16 + digit;
      pos++;
    }
    return (char) value;
  }

  private Double number() throws MalformedJsonException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("expected a digit");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("expected a digit after '.'");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("expected a digit in the exponent");
      }
      digits();
    }
    if (pos - start > MAX_NUMBER_LENGTH) {
      pos = start;
      throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
    }
    // The grammar is checked above, so this cannot throw; out-of-range values become infinities
    // or zero, which the caller's range checks reject.
    return Double.valueOf(text.substring(start, pos));
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void literal(String word) throws MalformedJsonException {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected word");
    }
    pos += word.length();
  }

  private void expect(char c) throws MalformedJsonException {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  /** The character at the position, or NUL at the end (never valid where a token is expected). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private void checkDepth(int depth) throws MalformedJsonException {
    if (depth > maxDepth) {
      throw error("nested deeper than " + maxDepth);
    }
  }

  private MalformedJsonException error(String problem) {
    return new MalformedJsonException(problem, pos);
  }

  private static String shown(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  /**
   * The text is not strict JSON within the reader's bounds. Stackless: it is expected on hostile
   * input. The message names the problem and the offset, never a piece of the input beyond one
   * character shown safely.
   */
  public static final class MalformedJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    MalformedJsonException(String problem, int offset) {
      super(problem + " at offset " + offset, null, false, false);
      this.offset = offset;
    }

    /** Where in the text the problem was found (0-based char index). */
    public int offset() {
      return offset;
    }
  }
}
