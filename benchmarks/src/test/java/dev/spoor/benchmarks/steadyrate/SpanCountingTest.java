package dev.spoor.benchmarks.steadyrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.junit.jupiter.api.Test;
import zipkin2.Endpoint;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;
import zipkin2.codec.SpanBytesEncoder;

/**
 * Each counter against payloads made by the format's own library (jaeger-thrift, zipkin2,
 * opentelemetry-proto), with the things a lazy counter would trip over: process tags before the
 * spans, braces and quotes inside JSON strings, several resources and scopes in one request.
 */
class SpanCountingTest {

  @Test
  void countsTheSpansOfAJaegerEmitBatchPastItsProcessTags() throws Exception {
    Process process = new Process("svc");
    process.setTags(List.of(new Tag("hostname", TagType.STRING).setVStr("host-1"),
        new Tag("ip", TagType.LONG).setVLong(1)));
    List<io.jaegertracing.thriftjava.Span> spans = new ArrayList<>();
    for (int i = 0; i < 37; i++) {
      spans.add(new io.jaegertracing.thriftjava.Span(1, 2, i + 1, 0, "get-user", 1, 10, 5)
          .setTags(List.of(new Tag("k", TagType.STRING).setVStr("v"))));
    }
    TMemoryBuffer buffer = new TMemoryBuffer(1024);
    new Agent.Client(new TCompactProtocol(buffer)).emitBatch(new Batch(process, spans));

    assertEquals(37, SpanCounting.jaegerEmitBatch(buffer.getArray(), buffer.length()));
  }

  @Test
  void refusesADatagramThatIsNotAnEmitBatch() throws Exception {
    TMemoryBuffer buffer = new TMemoryBuffer(64);
    new TCompactProtocol(buffer).writeMessageBegin(
        new org.apache.thrift.protocol.TMessage("emitZipkinBatch", (byte) 4, 1));
    assertThrows(Exception.class,
        () -> SpanCounting.jaegerEmitBatch(buffer.getArray(), buffer.length()));
  }

  @Test
  void countsZipkinJsonSpansWhateverTheirStringsHold() {
    List<Span> spans = zipkinSpans(25);
    byte[] json = SpanBytesEncoder.JSON_V2.encodeList(spans);

    assertEquals(25, SpanCounting.zipkinJson(json, json.length));
    assertEquals(25, SpanBytesDecoder.JSON_V2.decodeList(json).size());
  }

  @Test
  void countsZipkinJsonOfOneAndOfNoSpans() {
    byte[] one = SpanBytesEncoder.JSON_V2.encodeList(zipkinSpans(1));
    byte[] none = "[ ]".getBytes(StandardCharsets.UTF_8);

    assertEquals(1, SpanCounting.zipkinJson(one, one.length));
    assertEquals(0, SpanCounting.zipkinJson(none, none.length));
  }

  @Test
  void refusesUnbalancedJson() {
    byte[] cut = SpanBytesEncoder.JSON_V2.encodeList(zipkinSpans(3));
    assertThrows(IllegalArgumentException.class,
        () -> SpanCounting.zipkinJson(cut, cut.length - 2));
  }

  @Test
  void countsZipkinProto3Spans() throws Exception {
    byte[] proto = SpanBytesEncoder.PROTO3.encodeList(zipkinSpans(19));

    assertEquals(19, SpanCounting.zipkinProto(proto, proto.length));
  }

  @Test
  void countsOtlpSpansAcrossResourcesAndScopes() throws Exception {
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    int expected = 0;
    for (int r = 0; r < 3; r++) {
      ResourceSpans.Builder resource = ResourceSpans.newBuilder()
          .setResource(Resource.newBuilder().addAttributes(stringAttribute("service.name", "s")))
          .setSchemaUrl("https://opentelemetry.io/schemas/1.24.0");
      for (int s = 0; s < 2; s++) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder()
            .setScope(InstrumentationScope.newBuilder().setName("scope-" + s).setVersion("1"));
        for (int i = 0; i < 5 + r; i++) {
          scope.addSpans(io.opentelemetry.proto.trace.v1.Span.newBuilder()
              .setTraceId(ByteString.copyFrom(new byte[16]))
              .setSpanId(ByteString.copyFrom(new byte[8]))
              .setName("get-user")
              .addAttributes(stringAttribute("k", "v"))
              .addEvents(io.opentelemetry.proto.trace.v1.Span.Event.newBuilder().setName("e")));
          expected++;
        }
        resource.addScopeSpans(scope);
      }
      request.addResourceSpans(resource);
    }
    byte[] bytes = request.build().toByteArray();

    assertEquals(expected, SpanCounting.otlp(bytes, bytes.length));
    assertEquals(36, expected);
  }

  private static KeyValue stringAttribute(String key, String value) {
    return KeyValue.newBuilder().setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  private static List<Span> zipkinSpans(int count) {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      spans.add(Span.newBuilder()
          .traceId("463ac35c9f6413ad48485a3953bb6124")
          .parentId("48485a3953bb6124")
          .id(Long.toHexString(i + 1))
          .name("get-user")
          .kind(Span.Kind.SERVER)
          .localEndpoint(Endpoint.newBuilder().serviceName("svc").ip("127.0.0.1").build())
          .timestamp(1_700_000_000_000_000L + i)
          .duration(12)
          .putTag("http.route", "/users/{id}")
          .putTag("tricky", "}{ ][ \" \\ \\\" {\"a\":[1]}")
          .addAnnotation(1_700_000_000_000_001L, "{ not an object")
          .build());
    }
    return spans;
  }
}
