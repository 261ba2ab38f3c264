package dev.spoor.jaeger.thrift;

import java.util.Arrays;

/**
 * Writes values in the Thrift compact protocol into a growable byte array that is reused from one
 * message to the next, so encoding allocates nothing once the array has grown to its working size.
 * Strings are UTF-8 encoded straight from their chars, without an intermediate byte array.
 *
 * <p>The wire rules follow the Thrift compact protocol specification
 * (thrift/doc/specs/thrift-compact-protocol.md); the section names are cited where used. Not
 * thread-safe: one writer per sending thread. Not API.
 */
public final class ThriftCompactWriter {
  /** Compact type of a boolean field whose value is true (spec: "Struct encoding"). */
  static final int TYPE_BOOLEAN_TRUE = 1;
  /** Compact type of a boolean field whose value is false. */
  static final int TYPE_BOOLEAN_FALSE = 2;
  static final int TYPE_I32 = 5;
  static final int TYPE_I64 = 6;
  static final int TYPE_DOUBLE = 7;
  static final int TYPE_BINARY = 8;
  static final int TYPE_LIST = 9;
  static final int TYPE_STRUCT = 12;

  private byte[] buffer;
  private int size;
  // The last field id written in each open struct: compact field headers carry id deltas.
  private short[] lastFieldIds = new short[8];
  private int depth;

  /** A writer whose buffer starts at {@code initialCapacity} bytes and grows as needed. */
  public ThriftCompactWriter(int initialCapacity) {
    this.buffer = new byte[Math.max(16, initialCapacity)];
  }

  /** Bytes written so far. */
  public int size() {
    return size;
  }

  /** The backing array; bytes {@code [0, size())} are the message. Valid until the next write. */
  public byte[] array() {
    return buffer;
  }

  /**
   * Lets go of a buffer that one huge message grew beyond {@code capacity} bytes, once what it
   * holds fits in {@code capacity}: a writer kept for the life of a reporter must not keep the
   * largest span it ever saw.
   */
  public void trimCapacity(int capacity) {
    if (buffer.length > capacity && size <= capacity) {
      buffer = Arrays.copyOf(buffer, Math.max(16, capacity));
    }
  }

  /** Forgets everything written, keeping the buffer for the next message. */
  public void reset() {
    size = 0;
    depth = 0;
  }

  /** Drops the bytes after {@code newSize}, e.g. a span that did not fit. */
  public void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IllegalArgumentException("newSize " + newSize + " not in [0, " + size + "]");
    }
    size = newSize;
  }

  /** Moves bytes {@code [from, size())} to the start of the buffer. */
  public void moveToStart(int from) {
    System.arraycopy(buffer, from, buffer, 0, size - from);
    size -= from;
  }

  /** Appends raw bytes, e.g. a pre-encoded struct. */
  public void writeRaw(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buffer, size, length);
    size += length;
  }

  /** Appends one raw byte. */
  public void writeByte(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  /** Spec "Message": protocol id 0x82, version 1 and type in one byte, varint seqid, name. */
  public void writeMessageBegin(String name, int messageType, int seqId) {
    writeByte(0x82);
    writeByte((messageType << 5) | 1);
    writeVarint32(seqId);
    writeString(name);
  }

  /** Opens a struct: its fields' ids are delta-encoded from 0. */
  public void writeStructBegin() {
    if (depth == lastFieldIds.length) {
      lastFieldIds = Arrays.copyOf(lastFieldIds, depth * 2);
    }
    lastFieldIds[depth++] = 0;
  }

  /** Closes a struct with the stop field. */
  public void writeStructEnd() {
    writeByte(0);
    depth--;
  }

  /**
   * Spec "Struct encoding": a field header is {@code delta << 4 | type} when the id is 1 to 15
   * above the previous field's, else the type byte followed by the zigzag varint id.
   */
  public void writeFieldBegin(int compactType, int id) {
    int delta = id - lastFieldIds[depth - 1];
    if (delta > 0 && delta <= 15) {
      writeByte((delta << 4) | compactType);
    } else {
      writeByte(compactType);
      writeVarint32(zigzag32(id));
    }
    lastFieldIds[depth - 1] = (short) id;
  }

  /** Spec "Struct encoding": a boolean field carries its value in the field header's type. */
  public void writeBoolField(int id, boolean value) {
    writeFieldBegin(value ? TYPE_BOOLEAN_TRUE : TYPE_BOOLEAN_FALSE, id);
  }

  /** An i32 field (also Thrift enums). */
  public void writeI32Field(int id, int value) {
    writeFieldBegin(TYPE_I32, id);
    writeI32(value);
  }

  /** An i64 field. */
  public void writeI64Field(int id, long value) {
    writeFieldBegin(TYPE_I64, id);
    writeI64(value);
  }

  /** A string field. */
  public void writeStringField(int id, String value) {
    writeFieldBegin(TYPE_BINARY, id);
    writeString(value);
  }

  /**
   * Spec "List and set": up to 14 elements, {@code size << 4 | elementType} in one byte; more,
   * {@code 0xF0 | elementType} then the varint size.
   */
  public void writeListBegin(int elementType, int count) {
    if (count <= 14) {
      writeByte((count << 4) | elementType);
    } else {
      writeByte(0xF0 | elementType);
      writeVarint32(count);
    }
  }

  /** Spec "Integer encoding": i32 as a zigzag varint. */
  public void writeI32(int value) {
    writeVarint32(zigzag32(value));
  }

  /** Spec "Integer encoding": i64 as a zigzag varint. */
  public void writeI64(long value) {
    writeVarint64((value << 1) ^ (value >> 63));
  }

  /** Spec "Double encoding": the IEEE 754 bits, 8 bytes, little-endian. */
  public void writeDouble(double value) {
    long bits = Double.doubleToLongBits(value);
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buffer[size++] = (byte) (bits >>> (8 * i));
    }
  }

  /** Spec "Binary encoding": varint length, then the bytes. */
  public void writeBinary(byte[] value) {
    writeVarint32(value.length);
    writeRaw(value, 0, value.length);
  }

  /**
   * Spec "Binary encoding": a string is its UTF-8 bytes with a varint length. Unpaired surrogates
   * become '?', as {@code String.getBytes(UTF_8)} does.
   *
   * <p>Most strings in spans (names, tag keys, ids, routes) are ASCII, whose UTF-8 length is their
   * length and whose chars are their bytes: a check pass that stops at the first char from 0x80 up
   * (then the two-pass UTF-8 path below), else the JDK's low-byte copy, which for a compact
   * Latin-1 string is a single array copy.
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact for ASCII
  public void writeString(String value) {
    int length = value.length();
    for (int i = 0; i < length; i++) {
      if (value.charAt(i) >= 0x80) {
        writeUtf8(value);
        return;
      }
    }
    ensure(5 + length);
    int pos = putVarint32(buffer, size, length);
    value.getBytes(0, length, buffer, pos);
    size = pos + length;
  }

  private void writeUtf8(String value) {
    int length = value.length();
    int utf8Length = utf8Length(value);
    writeVarint32(utf8Length);
    ensure(utf8Length);
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

  /** Spec "Unsigned LEB128": 7 bits per byte, least significant group first. */
  public void writeVarint32(int value) {
    ensure(5);
    size = putVarint32(buffer, size, value);
  }

  /** Writes the varint at {@code pos}, which has room for it; returns the position after it. */
  private static int putVarint32(byte[] out, int pos, int value) {
    while ((value & ~0x7F) != 0) {
      out[pos++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[pos++] = (byte) value;
    return pos;
  }

  private void writeVarint64(long value) {
    ensure(10);
    byte[] out = buffer;
    int pos = size;
    while ((value & ~0x7FL) != 0) {
      out[pos++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[pos++] = (byte) value;
    size = pos;
  }

  /** Bytes that {@link #writeVarint32} takes for {@code value}. */
  static int varint32Length(int value) {
    int bytes = 1;
    while ((value & ~0x7F) != 0) {
      value >>>= 7;
      bytes++;
    }
    return bytes;
  }

  private static int zigzag32(int value) {
    return (value << 1) ^ (value >> 31);
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
