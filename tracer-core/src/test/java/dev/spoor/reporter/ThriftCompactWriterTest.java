package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.junit.jupiter.api.Test;

/** The writer's bytes, read back field by field with libthrift's TCompactProtocol. */
class ThriftCompactWriterTest {
  private final ThriftCompactWriter writer = new ThriftCompactWriter(16);

  private TCompactProtocol reader() throws TException {
    return new TCompactProtocol(new TMemoryInputTransport(writer.array(), 0, writer.size()));
  }

  @Test
  void writesAMessageHeaderLibthriftReads() throws TException {
    writer.writeMessageBegin("emitBatch", TMessageType.ONEWAY, Integer.MAX_VALUE);
    TMessage message = reader().readMessageBegin();
    assertEquals("emitBatch", message.name);
    assertEquals(TMessageType.ONEWAY, message.type);
    assertEquals(Integer.MAX_VALUE, message.seqid);
  }

  @Test
  void writesIntegerExtremesDoublesAndFieldIdsBeyondTheShortDelta() throws TException {
    writer.writeStructBegin();
    writer.writeI32Field(1, Integer.MIN_VALUE);
    writer.writeI64Field(2, Long.MIN_VALUE);
    writer.writeI64Field(3, Long.MAX_VALUE);
    writer.writeI64Field(40, -1L); // delta 37: the long field header form
    writer.writeFieldBegin(ThriftCompactWriter.TYPE_DOUBLE, 41);
    writer.writeDouble(Math.PI);
    writer.writeBoolField(42, true);
    writer.writeBoolField(43, false);
    writer.writeStructEnd();

    TCompactProtocol in = reader();
    in.readStructBegin();
    assertField(in.readFieldBegin(), TType.I32, 1);
    assertEquals(Integer.MIN_VALUE, in.readI32());
    assertField(in.readFieldBegin(), TType.I64, 2);
    assertEquals(Long.MIN_VALUE, in.readI64());
    assertField(in.readFieldBegin(), TType.I64, 3);
    assertEquals(Long.MAX_VALUE, in.readI64());
    assertField(in.readFieldBegin(), TType.I64, 40);
    assertEquals(-1L, in.readI64());
    assertField(in.readFieldBegin(), TType.DOUBLE, 41);
    assertEquals(Math.PI, in.readDouble());
    assertField(in.readFieldBegin(), TType.BOOL, 42);
    assertTrue(in.readBool());
    assertField(in.readFieldBegin(), TType.BOOL, 43);
    assertFalse(in.readBool());
    assertEquals(TType.STOP, in.readFieldBegin().type);
  }

  @Test
  void writesStringsAsUtf8LikeTheJdk() throws TException {
    String[] samples = {"", "ascii", "é ß", "€ 中文", "🌍 emoji", "lone \uD800 high", "lone \uDC00 low",
        "end \uD83C"};
    for (String sample : samples) {
      writer.reset();
      writer.writeString(sample);
      assertEquals(new String(sample.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
          reader().readString(), sample);
      assertEquals(sample.getBytes(StandardCharsets.UTF_8).length,
          ThriftCompactWriter.utf8Length(sample), sample);
    }
  }

  @Test
  void writesStringsByteForByteAsLibthriftDoesWhereverTheFirstNonAsciiCharIs() throws TException {
    String ascii = "x".repeat(126);
    String[] samples = {"", "a", "get-user", ascii, ascii + "é", ascii + "ab", "é" + ascii,
        ascii.substring(60) + "中" + ascii, "\u007f\u0080", "ÿ", "x".repeat(20_000) + "🌍"};
    for (String sample : samples) {
      writer.reset();
      writer.writeByte(7); // a string rarely starts the buffer
      writer.writeString(sample);
      TMemoryBuffer expected = new TMemoryBuffer(16);
      TCompactProtocol libthrift = new TCompactProtocol(expected);
      libthrift.writeByte((byte) 7);
      libthrift.writeString(sample);
      byte[] written = Arrays.copyOf(writer.array(), writer.size());
      assertArrayEquals(Arrays.copyOf(expected.getArray(), expected.length()), written,
          sample.length() + " chars");
    }
  }

  @Test
  void writesShortAndLongListHeaders() throws TException {
    for (int count : new int[] {0, 14, 15, 300}) {
      writer.reset();
      writer.writeListBegin(ThriftCompactWriter.TYPE_I64, count);
      for (int i = 0; i < count; i++) {
        writer.writeI64(i);
      }
      TCompactProtocol in = reader();
      TList list = in.readListBegin();
      assertEquals(TType.I64, list.elemType);
      assertEquals(count, list.size);
      for (int i = 0; i < count; i++) {
        assertEquals(i, in.readI64());
      }
    }
  }

  @Test
  void growsItsBufferAndMovesTheTailToTheStart() throws TException {
    byte[] big = new byte[10_000];
    big[9_999] = 42;
    writer.writeBinary(big);
    int mark = writer.size();
    writer.writeString("tail");
    writer.moveToStart(mark);
    assertEquals("tail", reader().readString());
    writer.truncate(0);
    assertEquals(0, writer.size());
  }

  private static void assertField(TField field, byte type, int id) {
    assertEquals(type, field.type, "type of field " + id);
    assertEquals(id, field.id);
  }
}
