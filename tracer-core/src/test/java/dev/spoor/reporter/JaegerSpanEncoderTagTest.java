package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import java.util.Arrays;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.junit.jupiter.api.Test;

/** Tags as the encoder writes them, byte for byte against jaeger-thrift's generated Tag. */
class JaegerSpanEncoderTagTest {

  @Test
  void writesStringTagsByteForByteAsJaegerThriftDoes() throws TException {
    String[][] samples = {{"component", "benchmark"}, {"", ""}, {"grüße", "🌍 " + "x".repeat(300)},
        {"http.route", "/users/{id}"}};
    for (String[] sample : samples) {
      ThriftCompactWriter writer = new ThriftCompactWriter(16);
      JaegerSpanEncoder.writeTag(writer, sample[0], sample[1]);
      TMemoryBuffer expected = new TMemoryBuffer(16);
      new Tag(sample[0], TagType.STRING).setVStr(sample[1]).write(new TCompactProtocol(expected));
      assertArrayEquals(Arrays.copyOf(expected.getArray(), expected.length()),
          Arrays.copyOf(writer.array(), writer.size()), sample[0]);
    }
  }

  @Test
  void writesANullKeyAsTheStringNull() throws TException {
    ThriftCompactWriter writer = new ThriftCompactWriter(16);
    JaegerSpanEncoder.writeTag(writer, null, "value");
    TMemoryBuffer expected = new TMemoryBuffer(16);
    new Tag("null", TagType.STRING).setVStr("value").write(new TCompactProtocol(expected));
    assertArrayEquals(Arrays.copyOf(expected.getArray(), expected.length()),
        Arrays.copyOf(writer.array(), writer.size()));
  }
}
