package dev.spoor.reporter;

import java.util.Arrays;

/**
 * Writes values in the Thrift compact protocol into a growable byte array that is reused from one
 * message to the next, so encoding allocates nothing once the array has grown to its working size.
 * Strings are UTF-8 encoded straight from their chars, without an intermediate byte array.
 *
 * <p>The wire rules follow the Thrift compact protocol specification
 * (thrift/doc/specs/thrift-compact-protocol.md); the section names are cited where used. Not
 * thread-safe: one writer per sending thread.
 */
final class ThriftCompactWriter extends ThriftWriter {
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
  // A string Tag's three field headers (each field id 1 above the previous one) and vType STRING.
  private static final int STRING_FIELD_NEXT = 1 << 4 | TYPE_BINARY;
  private static final int I32_FIELD_NEXT = 1 << 4 | TYPE_I32;

  // The last field id written in each open struct: compact field headers carry id deltas.
  private short[] lastFieldIds = new short[8];
  private int depth;

  /** A writer whose buffer starts at {@code initialCapacity} bytes and grows as needed. */
  ThriftCompactWriter(int initialCapacity) {
    super(initialCapacity);
  }

  /** Forgets everything written, keeping the buffer for the next message. */
  @Override
  void reset() {
    super.reset();
    depth = 0;
  }

  /** Spec "Message": protocol id 0x82, version 1 and type in one byte, varint seqid, name. */
  void writeMessageBegin(String name, int messageType, int seqId) {
    writeByte(0x82);
    writeByte((messageType << 5) | 1);
    writeVarint32(seqId);
    writeString(name);
  }

  /** Opens a struct: its fields' ids are delta-encoded from 0. */
  @Override
  void writeStructBegin() {
    if (depth == lastFieldIds.length) {
      lastFieldIds = Arrays.copyOf(lastFieldIds, depth * 2);
    }
    lastFieldIds[depth++] = 0;
  }

  /** Closes a struct with the stop field. */
  @Override
  void writeStructEnd() {
    writeByte(0);
    depth--;
  }

  /**
   * Spec "Struct encoding": a field header is {@code delta << 4 | type} when the id is 1 to 15
   * above the previous field's, else the type byte followed by the zigzag varint id.
   */
  void writeFieldBegin(int compactType, int id) {
    int delta = id - lastFieldIds[depth - 1];
    if (delta > 0 && delta <= 15) {
      writeByte((delta << 4) | compactType);
    } else {
      writeByte(compactType);
      writeVarint32(zigzag32(id));
    }
    lastFieldIds[depth - 1] = (short) id;
  }

  @Override
  void writeStructFieldBegin(int id) {
    writeFieldBegin(TYPE_STRUCT, id);
  }

  @Override
  void writeStructListField(int id, int count) {
    writeFieldBegin(TYPE_LIST, id);
    writeListBegin(TYPE_STRUCT, count);
  }

  /** Spec "Struct encoding": a boolean field carries its value in the field header's type. */
  @Override
  void writeBoolField(int id, boolean value) {
    writeFieldBegin(value ? TYPE_BOOLEAN_TRUE : TYPE_BOOLEAN_FALSE, id);
  }

  /** An i32 field (also Thrift enums). */
  @Override
  void writeI32Field(int id, int value) {
    writeFieldBegin(TYPE_I32, id);
    writeI32(value);
  }

  /** An i64 field. */
  @Override
  void writeI64Field(int id, long value) {
    writeFieldBegin(TYPE_I64, id);
    writeI64(value);
  }

  /** A string field. */
  @Override
  void writeStringField(int id, String value) {
    writeFieldBegin(TYPE_BINARY, id);
    writeString(value);
  }

  @Override
  void writeDoubleField(int id, double value) {
    writeFieldBegin(TYPE_DOUBLE, id);
    writeDouble(value);
  }

  @Override
  void writeBinaryField(int id, byte[] value) {
    writeFieldBegin(TYPE_BINARY, id);
    writeBinary(value);
  }

  /**
   * The common tag, a String, with its field headers as constant bytes: no struct nesting or field
   * id bookkeeping. Spec "Struct encoding": a header is {@code delta << 4 | type}, and each field
   * here is 1 above the one before it.
   */
  @Override
  void writeStringTag(String key, String value) {
    writeByte(STRING_FIELD_NEXT); // 1: key
    writeString(key);
    writeByte(I32_FIELD_NEXT); // 2: vType
    writeByte(0); // TagType.STRING, zigzag(0) == 0
    writeByte(STRING_FIELD_NEXT); // 3: vStr
    writeString(value);
    writeByte(0); // stop
  }

  /**
   * Spec "List and set": up to 14 elements, {@code size << 4 | elementType} in one byte; more,
   * {@code 0xF0 | elementType} then the varint size.
   */
  void writeListBegin(int elementType, int count) {
    if (count <= 14) {
      writeByte((count << 4) | elementType);
    } else {
      writeByte(0xF0 | elementType);
      writeVarint32(count);
    }
  }

  /** Spec "Integer encoding": i32 as a zigzag varint. */
  void writeI32(int value) {
    writeVarint32(zigzag32(value));
  }

  /** Spec "Integer encoding": i64 as a zigzag varint. */
  void writeI64(long value) {
    writeVarint64((value << 1) ^ (value >> 63));
  }

  /** Spec "Double encoding": the IEEE 754 bits, 8 bytes, little-endian. */
  void writeDouble(double value) {
    long bits = Double.doubleToLongBits(value);
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buffer[size++] = (byte) (bits >>> (8 * i));
    }
  }

  /** Spec "Binary encoding": varint length, then the bytes. */
  void writeBinary(byte[] value) {
    writeVarint32(value.length);
    writeRaw(value, 0, value.length);
  }

  /**
   * Spec "Binary encoding": a string is its UTF-8 bytes with a varint length. Unpaired surrogates
   * become '?', as {@code String.getBytes(UTF_8)} does.
   *
   * <p>Most strings in spans (names, tag keys, ids, routes) are ASCII, whose UTF-8 length is their
   * length and whose chars are their bytes: a check pass that stops at the first char from 0x80 up
   * (then the two-pass UTF-8 path), else the JDK's low-byte copy, which for a compact Latin-1
   * string is a single array copy.
   */
  void writeString(String value) {
    int length = value.length();
    if (!isAscii(value)) {
      int utf8Length = utf8Length(value);
      writeVarint32(utf8Length);
      ensure(utf8Length);
      putUtf8(value);
      return;
    }
    ensure(5 + length);
    size = putAscii(value, putVarint32(buffer, size, length));
  }

  /** Spec "Unsigned LEB128": 7 bits per byte, least significant group first. */
  void writeVarint32(int value) {
    ensure(5);
    size = putVarint32(buffer, size, value);
  }

  /** Writes the varint at {@code pos}, which has room for it; returns the position after it. */
  static int putVarint32(byte[] out, int pos, int value) {
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

  private static int zigzag32(int value) {
    return (value << 1) ^ (value >> 31);
  }
}
