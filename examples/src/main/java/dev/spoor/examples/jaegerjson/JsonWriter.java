package dev.spoor.examples.jaegerjson;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes JSON text into a {@link StringBuilder}, one token at a time, compact or indented.
 *
 * <p>Strings are escaped so that the text is valid JSON and also safe inside an HTML
 * {@code <script>} element: {@code <}, {@code >}, {@code &}, U+2028, U+2029, control characters
 * and unpaired surrogates are written as {@code \\uXXXX}. Numbers that JSON cannot hold (NaN,
 * infinities) are written as strings. The writer checks that names and values alternate inside
 * objects, so a mistake fails at once instead of producing text no parser reads.
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Where the writer is: in an object or an array, and whether a member was written. */
  private static final class Level {
    final boolean object;
    boolean empty = true;
    boolean afterName;

    Level(boolean object) {
      this.object = object;
    }
  }

  private final StringBuilder out;
  private final String indent;
  private final Deque<Level> levels = new ArrayDeque<>();
  private boolean topWritten;

  private JsonWriter(StringBuilder out, String indent) {
    this.out = out;
    this.indent = indent;
  }

  /** A writer of compact JSON, for embedding. */
  public static JsonWriter compact(StringBuilder out) {
    if (out == null) {
      throw new NullPointerException("out == null");
    }
    return new JsonWriter(out, null);
  }

  /** A writer of JSON indented by two spaces per level, for files people open. */
  public static JsonWriter indented(StringBuilder out) {
    if (out == null) {
      throw new NullPointerException("out == null");
    }
    return new JsonWriter(out, "  ");
  }

  /** Opens an object: {@code {}. */
  public JsonWriter beginObject() {
    beforeValue();
    out.append('{');
    levels.push(new Level(true));
    return this;
  }

  /** Closes the innermost object. */
  public JsonWriter endObject() {
    return end(true, '}');
  }

  /** Opens an array: {@code [}. */
  public JsonWriter beginArray() {
    beforeValue();
    out.append('[');
    levels.push(new Level(false));
    return this;
  }

  /** Closes the innermost array. */
  public JsonWriter endArray() {
    return end(false, ']');
  }

  /** Writes the name of the next member of the innermost object. */
  public JsonWriter name(String name) {
    if (name == null) {
      throw new NullPointerException("name == null");
    }
    Level level = levels.peek();
    if (level == null || !level.object || level.afterName) {
      throw new IllegalStateException("a name outside an object or after a name: " + name);
    }
    separate(level);
    string(name);
    out.append(indent == null ? ":" : ": ");
    level.afterName = true;
    return this;
  }

  /** Writes a string, or {@code null} when {@code value} is null. */
  public JsonWriter value(String value) {
    if (value == null) {
      return nullValue();
    }
    beforeValue();
    string(value);
    return this;
  }

  /** Writes an integer. */
  public JsonWriter value(long value) {
    beforeValue();
    out.append(value);
    return this;
  }

  /** Writes a number; NaN and the infinities, which JSON cannot hold, become strings. */
  public JsonWriter value(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value(Double.toString(value));
    }
    beforeValue();
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.append((long) value);
    } else {
      out.append(value);
    }
    return this;
  }

  /** Writes {@code true} or {@code false}. */
  public JsonWriter value(boolean value) {
    beforeValue();
    out.append(value);
    return this;
  }

  /** Writes {@code null}. */
  public JsonWriter nullValue() {
    beforeValue();
    out.append("null");
    return this;
  }

  /** A name and a string value. */
  public JsonWriter member(String name, String value) {
    return name(name).value(value);
  }

  /** A name and an integer value. */
  public JsonWriter member(String name, long value) {
    return name(name).value(value);
  }

  private JsonWriter end(boolean object, char close) {
    Level level = levels.peek();
    if (level == null || level.object != object || level.afterName) {
      throw new IllegalStateException("nothing to close with " + close);
    }
    levels.pop();
    if (!level.empty) {
      newline();
    }
    out.append(close);
    return this;
  }

  private void beforeValue() {
    Level level = levels.peek();
    if (level == null) {
      if (topWritten) {
        throw new IllegalStateException("a second top-level value");
      }
      topWritten = true;
      return;
    }
    if (level.object) {
      if (!level.afterName) {
        throw new IllegalStateException("a value in an object without a name");
      }
      level.afterName = false;
    } else {
      separate(level);
    }
  }

  private void separate(Level level) {
    if (!level.empty) {
      out.append(',');
    }
    level.empty = false;
    newline();
  }

  private void newline() {
    if (indent != null) {
      out.append('\n');
      for (int i = 0; i < levels.size(); i++) {
        out.append(indent);
      }
    }
  }

  private void string(String value) {
    out.append('"');
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(c);
        default -> {
          if (c < 0x20) {
            unicodeEscape(c);
          } else if (Character.isHighSurrogate(c) && i + 1 < length
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            // Unpaired: escaped, so the text still encodes as UTF-8.
            unicodeEscape(c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void unicodeEscape(char c) {
    out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
  }
}
