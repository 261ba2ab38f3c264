package dev.spoor.reporter;

/**
 * The Thrift operations the Jaeger span encoder needs, so that one encoder writes jaeger.thrift
 * structs in the compact protocol (UDP {@code emitBatch}) or the binary protocol (the
 * collector's HTTP {@code Batch}). Field ids are the IDL's; lists are always of structs here.
 */
abstract class ThriftWriter extends WireBuffer {
  ThriftWriter(int initialCapacity) {
    super(initialCapacity);
  }

  /** Opens a struct. */
  abstract void writeStructBegin();

  /** Closes a struct with the stop field. */
  abstract void writeStructEnd();

  /** A field header for a struct value; the struct follows. */
  abstract void writeStructFieldBegin(int id);

  /** A field header and list header for {@code count} structs; the structs follow. */
  abstract void writeStructListField(int id, int count);

  abstract void writeI32Field(int id, int value);

  abstract void writeI64Field(int id, long value);

  abstract void writeStringField(int id, String value);

  abstract void writeBoolField(int id, boolean value);

  abstract void writeDoubleField(int id, double value);

  abstract void writeBinaryField(int id, byte[] value);

  /**
   * jaeger.thrift {@code Tag{1: key, 2: vType = STRING, 3: vStr}}, the most common struct of a
   * span, as a whole: a protocol may write it faster than field by field.
   */
  abstract void writeStringTag(String key, String value);
}
