package dev.spoor.reporter;

import java.util.Arrays;

/**
 * A growable byte array reused from one message to the next, with the moves a batch needs
 * (truncate a span that did not fit, move the last span to the front, give back memory after a
 * huge span). The wire writers extend it with their protocol's encodings. One per reporter thread.
 */
abstract class WireBuffer {
  byte[] buffer;
  int size;

  WireBuffer(int initialCapacity) {
    this.buffer = new byte[Math.max(16, initialCapacity)];
  }

  /** Bytes written so far. */
  final int size() {
    return size;
  }

  /** The backing array; bytes {@code [0, size())} are the message. Valid until the next write. */
  final byte[] array() {
    return buffer;
  }

  /**
   * Lets go of a buffer that one huge message grew beyond {@code capacity} bytes, once what it
   * holds fits in {@code capacity}: a writer kept for the life of a reporter must not keep the
   * largest span it ever saw.
   */
  final void trimCapacity(int capacity) {
    if (buffer.length > capacity && size <= capacity) {
      buffer = Arrays.copyOf(buffer, Math.max(16, capacity));
    }
  }

  /** Forgets everything written, keeping the buffer for the next message. */
  void reset() {
    size = 0;
  }

  /** Drops the bytes after {@code newSize}, e.g. a span that did not fit. */
  final void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IllegalArgumentException("newSize " + newSize + " not in [0, " + size + "]");
    }
    size = newSize;
  }

  /** Moves bytes {@code [from, size())} to the start of the buffer. */
  final void moveToStart(int from) {
    moveTo(0, from);
  }

  /** Moves bytes {@code [from, size())} to {@code to}, which is at most {@code from}. */
  final void moveTo(int to, int from) {
    System.arraycopy(buffer, from, buffer, to, size - from);
    size -= from - to;
  }

  /**
   * Forgets everything written and goes on writing at {@code start}: the bytes before it are
   * room for a header written later, e.g. in front of the spans of a datagram.
   */
  final void restartAt(int start) {
    reset();
    ensure(start);
    size = start;
  }

  /** Makes the buffer at least {@code capacity} bytes long, keeping what it holds. */
  final void ensureCapacity(int capacity) {
    if (capacity > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, capacity));
    }
  }

  /** Appends raw bytes, e.g. a pre-encoded struct. */
  final void writeRaw(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buffer, size, length);
    size += length;
  }

  /** Appends one raw byte. */
  final void writeByte(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  /** Makes room for {@code more} bytes after {@code size}. */
  final void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }

  /**
   * UTF-8 length of {@code value}; unpaired surrogates count as one byte ('?'), as
   * {@code String.getBytes(UTF_8)} writes them.
   */
  static int utf8Length(String value) {
    int length = value.length();
    int bytes = length;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < length
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          bytes += 2; // 4 bytes for 2 chars
          i++;
        } else if (!Character.isSurrogate(c)) {
          bytes += 2;
        }
      }
    }
    return bytes;
  }

  /** Writes {@code value} as UTF-8 at {@code size}, which has room for its utf8Length. */
  final void putUtf8(String value) {
    int length = value.length();
    byte[] out = buffer;
    int pos = size;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        out[pos++] = (byte) c;
      } else if (c < 0x800) {
        out[pos++] = (byte) (0xC0 | (c >> 6));
        out[pos++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < length
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, value.charAt(++i));
        out[pos++] = (byte) (0xF0 | (codePoint >> 18));
        out[pos++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
        out[pos++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        out[pos++] = (byte) (0x80 | (codePoint & 0x3F));
      } else if (Character.isSurrogate(c)) {
        out[pos++] = (byte) '?';
      } else {
        out[pos++] = (byte) (0xE0 | (c >> 12));
        out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[pos++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    size = pos;
  }

  /** True when every char of {@code value} is below 0x80 (its UTF-8 bytes are its chars). */
  static boolean isAscii(String value) {
    for (int i = 0, length = value.length(); i < length; i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Copies an ASCII {@code value} at {@code pos}, which has room; returns the position after. */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact for ASCII
  final int putAscii(String value, int pos) {
    int length = value.length();
    value.getBytes(0, length, buffer, pos);
    return pos + length;
  }
}
