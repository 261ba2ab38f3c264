package dev.spoor.reporter;

/**
 * Writes Protocol Buffers (proto3) fields into a reused growable array, for the OTLP encoder.
 * Wire rules from protobuf's "Encoding" guide: a tag is the varint {@code field << 3 | wireType};
 * varints are little-endian base-128; fixed64/fixed32 little-endian; strings, bytes and nested
 * messages are length-delimited. A nested message's length is only known once it is written, so
 * {@link #beginMessage} reserves length bytes and {@link #endMessage} moves the content when the
 * length needs another number of bytes. One writer per sending thread.
 */
final class ProtobufWriter extends WireBuffer {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  ProtobufWriter(int initialCapacity) {
    super(initialCapacity);
  }

  void writeTag(int field, int wireType) {
    writeVarint32(field << 3 | wireType);
  }

  void writeVarint32(int value) {
    ensure(5);
    size = putVarint32(buffer, size, value);
  }

  /** Writes the varint at {@code pos}, which has room; returns the position after it. */
  static int putVarint32(byte[] out, int pos, int value) {
    while ((value & ~0x7F) != 0) {
      out[pos++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[pos++] = (byte) value;
    return pos;
  }

  /** Bytes of {@code value} as a varint. */
  static int varint32Length(int value) {
    int bytes = 1;
    while ((value & ~0x7F) != 0) {
      value >>>= 7;
      bytes++;
    }
    return bytes;
  }

  void writeVarint64(long value) {
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

  /** An int64 or enum field (negative int64 values take ten bytes, as proto3 says). */
  void writeVarintField(int field, long value) {
    writeTag(field, VARINT);
    writeVarint64(value);
  }

  void writeBoolField(int field, boolean value) {
    writeTag(field, VARINT);
    writeByte(value ? 1 : 0);
  }

  void writeFixed64Field(int field, long value) {
    writeTag(field, FIXED64);
    ensure(8);
    putLittleEndian(value, 8);
  }

  void writeFixed32Field(int field, int value) {
    writeTag(field, FIXED32);
    ensure(4);
    putLittleEndian(value, 4);
  }

  void writeDoubleField(int field, double value) {
    writeFixed64Field(field, Double.doubleToLongBits(value));
  }

  private void putLittleEndian(long value, int bytes) {
    byte[] out = buffer;
    int pos = size;
    for (int i = 0; i < bytes; i++) {
      out[pos++] = (byte) (value >>> (8 * i));
    }
    size = pos;
  }

  /** A bytes field of {@code high} then {@code low}, big-endian: a 16-byte trace id. */
  void writeId128Field(int field, long high, long low) {
    writeTag(field, LENGTH_DELIMITED);
    writeByte(16);
    ensure(16);
    putBigEndian(high);
    putBigEndian(low);
  }

  /** A bytes field of {@code id}, big-endian: an 8-byte span id. */
  void writeId64Field(int field, long id) {
    writeTag(field, LENGTH_DELIMITED);
    writeByte(8);
    ensure(8);
    putBigEndian(id);
  }

  private void putBigEndian(long value) {
    byte[] out = buffer;
    int pos = size;
    for (int shift = 56; shift >= 0; shift -= 8) {
      out[pos++] = (byte) (value >>> shift);
    }
    size = pos;
  }

  void writeBytesField(int field, byte[] value) {
    writeTag(field, LENGTH_DELIMITED);
    writeVarint32(value.length);
    writeRaw(value, 0, value.length);
  }

  /** A string field: the varint length of its UTF-8 bytes, then the bytes. */
  void writeStringField(int field, String value) {
    writeTag(field, LENGTH_DELIMITED);
    if (isAscii(value)) {
      int length = value.length();
      ensure(5 + length);
      size = putAscii(value, putVarint32(buffer, size, length));
      return;
    }
    int utf8Length = utf8Length(value);
    writeVarint32(utf8Length);
    ensure(utf8Length);
    putUtf8(value);
  }

  /**
   * Starts nested message {@code field}, reserving {@code lengthBytes} for its length; returns
   * the mark to pass to {@link #endMessage}.
   */
  int beginMessage(int field, int lengthBytes) {
    writeTag(field, LENGTH_DELIMITED);
    ensure(lengthBytes);
    int mark = size;
    size += lengthBytes;
    return mark << 3 | lengthBytes;
  }

  /** Ends the nested message begun at {@code mark}: writes its length, moving it if needed. */
  void endMessage(int mark) {
    int at = mark >>> 3;
    int reserved = mark & 7;
    int contentStart = at + reserved;
    int length = size - contentStart;
    int needed = varint32Length(length);
    if (needed != reserved) {
      ensure(needed - reserved);
      System.arraycopy(buffer, contentStart, buffer, at + needed, length);
      size += needed - reserved;
    }
    putVarint32(buffer, at, length);
  }
}
