package dev.spoor.benchmarks.steadyrate;

import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Tag;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.transport.TMemoryInputTransport;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;

/**
 * Decodes a payload in full with the peer's official library (jaeger-thrift on libthrift,
 * zipkin2's decoder, opentelemetry-proto) and checks that it carries what the load made: the
 * service {@value TracedLoad#SERVICE}, and child spans named {@value TracedLoad#OPERATION} with
 * the four tags and a parent. Each run's largest payload goes through it; {@link SpanCounting} only
 * counts the rest.
 */
final class PayloadCheck {
  private static final Map<String, String> EXPECTED_TAGS = expectedTags();

  private PayloadCheck() {}

  /** How many spans the payload holds, after checking it; throws saying what is wrong. */
  static int check(Payload payload) throws Exception {
    switch (payload.format()) {
      case JAEGER_THRIFT_COMPACT:
        return checkJaeger(payload.bytes());
      case ZIPKIN_JSON:
        return checkZipkin(SpanBytesDecoder.JSON_V2.decodeList(payload.bytes()));
      case ZIPKIN_PROTO3:
        return checkZipkin(SpanBytesDecoder.PROTO3.decodeList(payload.bytes()));
      case OTLP_PROTO:
        return checkOtlp(ExportTraceServiceRequest.parseFrom(payload.bytes()));
      default:
        throw new IllegalArgumentException("unknown format " + payload.format());
    }
  }

  private static int checkJaeger(byte[] datagram) throws Exception {
    TCompactProtocol protocol = new TCompactProtocol(new TMemoryInputTransport(datagram));
    protocol.readMessageBegin();
    Agent.emitBatch_args args = new Agent.emitBatch_args();
    args.read(protocol);
    Batch batch = args.getBatch();
    expect(TracedLoad.SERVICE.equals(batch.getProcess().getServiceName()),
        "service " + batch.getProcess().getServiceName());
    boolean found = false;
    for (io.jaegertracing.thriftjava.Span span : batch.getSpans()) {
      if (span.getOperationName().equals(TracedLoad.OPERATION)) {
        Map<String, String> tags = new HashMap<>();
        for (Tag tag : span.getTags()) {
          tags.put(tag.getKey(), tag.getVStr());
        }
        expectTags(tags, span.getOperationName());
        expect(span.getParentSpanId() != 0, "a child span without a parent");
        found = true;
      }
    }
    expect(found, "no " + TracedLoad.OPERATION + " span among " + batch.getSpans().size());
    return batch.getSpans().size();
  }

  private static int checkZipkin(List<Span> spans) {
    boolean found = false;
    for (Span span : spans) {
      expect(TracedLoad.SERVICE.equals(span.localServiceName()),
          "service " + span.localServiceName());
      if (span.name().equals(TracedLoad.OPERATION)) {
        expectTags(span.tags(), span.name());
        expect(span.parentId() != null, "a child span without a parent");
        found = true;
      }
    }
    expect(found, "no " + TracedLoad.OPERATION + " span among " + spans);
    return spans.size();
  }

  private static int checkOtlp(ExportTraceServiceRequest request) {
    int count = 0;
    boolean found = false;
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      String service = stringAttributes(resourceSpans.getResource().getAttributesList())
          .get("service.name");
      expect(TracedLoad.SERVICE.equals(service), "service " + service);
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (io.opentelemetry.proto.trace.v1.Span span : scopeSpans.getSpansList()) {
          count++;
          if (span.getName().equals(TracedLoad.OPERATION)) {
            expectTags(stringAttributes(span.getAttributesList()), span.getName());
            expect(!span.getParentSpanId().isEmpty(), "a child span without a parent");
            found = true;
          }
        }
      }
    }
    expect(found, "no " + TracedLoad.OPERATION + " span among " + count);
    return count;
  }

  private static Map<String, String> stringAttributes(List<KeyValue> attributes) {
    Map<String, String> values = new HashMap<>();
    for (KeyValue attribute : attributes) {
      values.put(attribute.getKey(), attribute.getValue().getStringValue());
    }
    return values;
  }

  private static void expectTags(Map<String, String> tags, String operation) {
    for (Map.Entry<String, String> expected : EXPECTED_TAGS.entrySet()) {
      expect(expected.getValue().equals(tags.get(expected.getKey())),
          operation + " has tags " + tags + ", expected " + EXPECTED_TAGS);
    }
  }

  private static void expect(boolean condition, String whatIsWrong) {
    if (!condition) {
      throw new IllegalStateException(whatIsWrong);
    }
  }

  private static Map<String, String> expectedTags() {
    Map<String, String> tags = new HashMap<>();
    for (int i = 0; i < TracedLoad.TAGS.size(); i += 2) {
      tags.put(TracedLoad.TAGS.get(i), TracedLoad.TAGS.get(i + 1));
    }
    return tags;
  }

  /**
   * One payload as received (decompressed).
   *
   * @param format how it is encoded
   * @param bytes its bytes, exactly
   */
  record Payload(Format format, byte[] bytes) {
    @Override
    public String toString() {
      return format + " of " + bytes.length + " bytes, starting "
          + Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 8)));
    }
  }

  /** The encodings the receivers accept. */
  enum Format {
    JAEGER_THRIFT_COMPACT, ZIPKIN_JSON, ZIPKIN_PROTO3, OTLP_PROTO
  }
}
