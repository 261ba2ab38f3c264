package dev.spoor.reporter;

/**
 * Writes the Thrift binary protocol (thrift/doc/specs/thrift-binary-protocol.md), as the Jaeger
 * collector's HTTP endpoint reads a {@code Batch}: a field is its type byte and big-endian i16
 * id, integers are big-endian, strings a big-endian i32 length and their UTF-8 bytes, a list its
 * element type and i32 size, a struct ends with a stop byte. One writer per sending thread.
 */
final class ThriftBinaryWriter extends ThriftWriter {
  // TType values of the binary protocol.
  static final int TYPE_BOOL = 2;
  static final int TYPE_DOUBLE = 4;
  static final int TYPE_I32 = 8;
  static final int TYPE_I64 = 10;
  static final int TYPE_STRING = 11;
  static final int TYPE_STRUCT = 12;
  static final int TYPE_LIST = 15;

  ThriftBinaryWriter(int initialCapacity) {
    super(initialCapacity);
  }

  @Override
  void writeStructBegin() {
    // The binary protocol writes nothing at a struct's start.
  }

  @Override
  void writeStructEnd() {
    writeByte(0);
  }

  void writeFieldBegin(int type, int id) {
    ensure(3);
    buffer[size++] = (byte) type;
    buffer[size++] = (byte) (id >>> 8);
    buffer[size++] = (byte) id;
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

  /** A list header: element type, then the i32 size. */
  void writeListBegin(int elementType, int count) {
    writeByte(elementType);
    writeI32(count);
  }

  @Override
  void writeI32Field(int id, int value) {
    writeFieldBegin(TYPE_I32, id);
    writeI32(value);
  }

  @Override
  void writeI64Field(int id, long value) {
    writeFieldBegin(TYPE_I64, id);
    writeI64(value);
  }

  @Override
  void writeStringField(int id, String value) {
    writeFieldBegin(TYPE_STRING, id);
    writeString(value);
  }

  @Override
  void writeBoolField(int id, boolean value) {
    writeFieldBegin(TYPE_BOOL, id);
    writeByte(value ? 1 : 0);
  }

  @Override
  void writeDoubleField(int id, double value) {
    writeFieldBegin(TYPE_DOUBLE, id);
    writeI64(Double.doubleToLongBits(value));
  }

  @Override
  void writeBinaryField(int id, byte[] value) {
    writeFieldBegin(TYPE_STRING, id);
    writeI32(value.length);
    writeRaw(value, 0, value.length);
  }

  @Override
  void writeStringTag(String key, String value) {
    writeStringField(1, key);
    writeI32Field(2, 0); // TagType.STRING
    writeStringField(3, value);
    writeStructEnd();
  }

  void writeI32(int value) {
    ensure(4);
    putI32(buffer, size, value);
    size += 4;
  }

  /** Writes {@code value} big-endian at {@code pos}, which has room for it. */
  static void putI32(byte[] out, int pos, int value) {
    out[pos] = (byte) (value >>> 24);
    out[pos + 1] = (byte) (value >>> 16);
    out[pos + 2] = (byte) (value >>> 8);
    out[pos + 3] = (byte) value;
  }

  void writeI64(long value) {
    ensure(8);
    byte[] out = buffer;
    int pos = size;
    for (int shift = 56; shift >= 0; shift -= 8) {
      out[pos++] = (byte) (value >>> shift);
    }
    size = pos;
  }

  /** A string: big-endian i32 length of its UTF-8 bytes, then the bytes. */
  void writeString(String value) {
    if (isAscii(value)) {
      int length = value.length();
      ensure(4 + length);
      putI32(buffer, size, length);
      size = putAscii(value, size + 4);
      return;
    }
    int utf8Length = utf8Length(value);
    writeI32(utf8Length);
    ensure(utf8Length);
    putUtf8(value);
  }
}
