package dev.spoor.benchmarks.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.benchmarks.ParamValues;
import dev.spoor.benchmarks.SpanShape;
import io.jaegertracing.thriftjava.Batch;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each case of {@link HttpReportingBenchmark} through the benchmark's own state and decodes
 * what the server got with the real peer libraries: the OTLP systems send the same span in an
 * {@code ExportTraceServiceRequest}, the Jaeger systems in a Thrift binary {@code Batch}.
 */
class HttpReportingBenchmarkTest {

  static Stream<String> systems() {
    return ParamValues.of(HttpReportingBenchmark.Senders.class, "system").stream();
  }

  @ParameterizedTest
  @MethodSource("systems")
  void sendsTheSameSpanToTheCollector(String system) throws Exception {
    HttpReportingBenchmark.Senders senders = new HttpReportingBenchmark.Senders();
    senders.system = system;
    senders.build();
    HttpReportingBenchmark benchmark = new HttpReportingBenchmark();
    for (int i = 0; i < 3; i++) {
      benchmark.sendSpan(senders);
    }
    senders.sender.flush();
    byte[] body = awaitFirstBody(senders.server);
    String path = senders.server.firstPath();
    senders.close();

    if (system.contains("otlp")) {
      assertEquals("/v1/traces", path);
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
      var spans = request.getResourceSpans(0).getScopeSpans(0).getSpansList();
      assertEquals(3, spans.size());
      Span span = spans.get(0);
      assertEquals(SpanShape.OPERATION, span.getName());
      assertEquals(16, span.getTraceId().size());
      assertEquals(8, span.getParentSpanId().size());
      assertEquals(3, span.getAttributesCount());
      assertEquals("benchmark", request.getResourceSpans(0).getResource().getAttributesList()
          .stream().filter(kv -> kv.getKey().equals("service.name")).findFirst().orElseThrow()
          .getValue().getStringValue());
    } else {
      assertEquals("/api/traces", path);
      Batch batch = new Batch();
      batch.read(new TBinaryProtocol(new TMemoryInputTransport(body)));
      assertEquals("benchmark", batch.getProcess().getServiceName());
      assertEquals(3, batch.getSpansSize());
      assertEquals(SpanShape.OPERATION, batch.getSpans().get(0).getOperationName());
      assertTrue(batch.getSpans().get(0).getParentSpanId() != 0);
      assertEquals(3, batch.getSpans().get(0).getTagsSize());
    }
  }

  private static byte[] awaitFirstBody(DrainingHttpServer server) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (server.firstBody() == null) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("no request arrived: " + server);
      }
      Thread.onSpinWait();
    }
    return server.firstBody();
  }
}
