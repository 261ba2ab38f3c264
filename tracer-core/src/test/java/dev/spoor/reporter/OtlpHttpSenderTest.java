package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.internal.SpanContextBuilder;
import dev.spoor.metrics.Metric;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentracing.References;
import io.opentracing.tag.Tags;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What Spoor POSTs over OTLP/HTTP, as a real JDK HttpServer receives it, decoded with the
 * official opentelemetry-proto classes: every field of the OpenTracing mapping, the headers,
 * gzip.
 */
class OtlpHttpSenderTest {
  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private CollectorServer server() throws Exception {
    CollectorServer server = new CollectorServer();
    resources.add(server);
    return server;
  }

  private RemoteReporter reporter(OtlpHttpSender.Builder sender) {
    return RemoteReporter.builder().sender(sender.build()).maxQueueSize(1000)
        .flushInterval(1, TimeUnit.HOURS).build();
  }

  private SpoorTracer tracer(RemoteReporter reporter, boolean wide) {
    SpoorTracer tracer = SpoorTracer.builder("checkout").withTag("env", "prod")
        .traceId128Bit(wide).reporter(reporter).build();
    resources.add(tracer);
    return tracer;
  }

  static List<Span> spans(CollectorServer.Request request) throws Exception {
    ExportTraceServiceRequest export = ExportTraceServiceRequest.parseFrom(request.body);
    List<Span> spans = new ArrayList<>();
    for (ResourceSpans resource : export.getResourceSpansList()) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        spans.addAll(scope.getSpansList());
      }
    }
    return spans;
  }

  private static Map<String, AnyValue> attributes(List<KeyValue> keyValues) {
    Map<String, AnyValue> map = new LinkedHashMap<>();
    for (KeyValue keyValue : keyValues) {
      map.put(keyValue.getKey(), keyValue.getValue());
    }
    return map;
  }

  private static ByteString id(long high, long low) {
    return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(high).putLong(low).array());
  }

  private static ByteString id(long id) {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id).array());
  }

  @Test
  void mapsAnOpenTracingSpanAsTheOpenTelemetrySpecificationSays() throws Exception {
    CollectorServer server = server();
    RemoteReporter reporter = reporter(OtlpHttpSender.builder(server.url() + "/v1/traces"));
    SpoorTracer tracer = tracer(reporter, true);

    io.opentracing.Span upstream = tracer.buildSpan("upstream").start();
    io.opentracing.Span earlier = tracer.buildSpan("earlier").start();
    SpoorSpanContext up = (SpoorSpanContext) upstream.context();
    SpoorSpanContext parent = new SpanContextBuilder().traceIdHigh(up.traceIdHigh())
        .traceIdLow(up.traceIdLow()).spanId(up.spanId()).sampled(up.isSampled())
        .traceState("shop=1").build();
    io.opentracing.Span span = tracer.buildSpan("POST /cart")
        .addReference(References.CHILD_OF, parent)
        .addReference(References.FOLLOWS_FROM, earlier.context())
        .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_SERVER)
        .withTag("http.status_code", 503)
        .withTag("ratio", 0.25)
        .withTag("cached", false)
        .withTag("component", "cart")
        .start();
    span.setTag(Tags.ERROR, true);
    span.setTag("error.message", "payment refused");
    span.log(Map.of("event", "retry", "attempt", 2));
    span.log(Map.of("message", "no event field"));
    span.finish();
    earlier.finish();
    upstream.finish();
    assertTrue(reporter.flush());

    List<CollectorServer.Request> requests = server.requests();
    assertEquals(1, requests.size());
    CollectorServer.Request request = requests.get(0);
    assertEquals("/v1/traces", request.path);
    assertEquals("application/x-protobuf", request.header("Content-Type"));
    ExportTraceServiceRequest export = ExportTraceServiceRequest.parseFrom(request.body);
    assertEquals(1, export.getResourceSpansCount());
    ResourceSpans resourceSpans = export.getResourceSpans(0);
    Map<String, AnyValue> resource = attributes(resourceSpans.getResource().getAttributesList());
    assertEquals("checkout", resource.get("service.name").getStringValue());
    assertEquals("prod", resource.get("env").getStringValue());
    assertEquals(tracer.process().tags().get("hostname"),
        resource.get("host.name").getStringValue());
    assertFalse(resource.containsKey("hostname"));
    assertFalse(resource.containsKey("jaeger.version"));
    assertEquals("spoor", resource.get("telemetry.sdk.name").getStringValue());
    assertEquals("java", resource.get("telemetry.sdk.language").getStringValue());
    assertEquals(System.getProperty("spoor.expectedVersion"),
        resource.get("telemetry.sdk.version").getStringValue());
    ScopeSpans scope = resourceSpans.getScopeSpans(0);
    assertEquals("dev.spoor", scope.getScope().getName());
    assertEquals(3, scope.getSpansCount());

    Span decoded = scope.getSpans(0);
    SpoorSpanContext context = (SpoorSpanContext) span.context();
    assertEquals(id(context.traceIdHigh(), context.traceIdLow()), decoded.getTraceId());
    assertEquals(id(context.spanId()), decoded.getSpanId());
    assertEquals(id(parent.spanId()), decoded.getParentSpanId());
    assertEquals("shop=1", decoded.getTraceState());
    assertEquals("POST /cart", decoded.getName());
    assertEquals(Span.SpanKind.SPAN_KIND_SERVER, decoded.getKind());
    FinishedSpanTimes times = FinishedSpanTimes.of(span);
    assertEquals(times.startMicros * 1000, decoded.getStartTimeUnixNano());
    assertEquals((times.startMicros + times.durationMicros) * 1000,
        decoded.getEndTimeUnixNano());
    Map<String, AnyValue> attributes = attributes(decoded.getAttributesList());
    assertFalse(attributes.containsKey("span.kind"), "the kind is not repeated as an attribute");
    assertEquals(503, attributes.get("http.status_code").getIntValue());
    assertEquals(0.25, attributes.get("ratio").getDoubleValue());
    assertFalse(attributes.get("cached").getBoolValue());
    assertEquals(AnyValue.ValueCase.BOOL_VALUE, attributes.get("cached").getValueCase());
    assertEquals("cart", attributes.get("component").getStringValue());
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, decoded.getStatus().getCode());
    assertEquals("payment refused", decoded.getStatus().getMessage());
    assertEquals(2, decoded.getEventsCount());
    assertEquals("retry", decoded.getEvents(0).getName());
    Map<String, AnyValue> retry = attributes(decoded.getEvents(0).getAttributesList());
    assertEquals(Map.of("attempt", AnyValue.newBuilder().setIntValue(2).build()), retry);
    assertEquals("log", decoded.getEvents(1).getName());
    assertEquals("no event field", attributes(decoded.getEvents(1).getAttributesList())
        .get("message").getStringValue());
    assertTrue(decoded.getEvents(0).getTimeUnixNano() >= decoded.getStartTimeUnixNano());
    assertEquals(1, decoded.getLinksCount(), "the follows_from reference, not the parent");
    SpoorSpanContext linked = (SpoorSpanContext) earlier.context();
    assertEquals(id(linked.traceIdHigh(), linked.traceIdLow()), decoded.getLinks(0).getTraceId());
    assertEquals(id(linked.spanId()), decoded.getLinks(0).getSpanId());
    assertEquals("follows_from", attributes(decoded.getLinks(0).getAttributesList())
        .get("opentracing.ref_type").getStringValue());
    assertEquals(1, decoded.getFlags(), "sampled");

    Span root = scope.getSpans(2);
    assertEquals("upstream", root.getName());
    assertTrue(root.getParentSpanId().isEmpty());
    assertEquals(Span.SpanKind.SPAN_KIND_INTERNAL, root.getKind());
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, root.getStatus().getCode());
  }

  @Test
  void zeroExtendsA64BitTraceIdAndTakesTheErrorMessageFromTheErrorLog() throws Exception {
    CollectorServer server = server();
    RemoteReporter reporter = reporter(OtlpHttpSender.builder(server.url() + "/v1/traces"));
    SpoorTracer tracer = tracer(reporter, false);
    io.opentracing.Span span = tracer.buildSpan("charge")
        .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_CLIENT).start();
    span.setTag("error", true);
    span.log(Map.of("event", "error", "message", "card declined"));
    span.finish();
    for (String kind : new String[] {"producer", "consumer", "gateway"}) {
      tracer.buildSpan(kind).withTag("span.kind", kind).start().finish();
    }
    assertTrue(reporter.flush());

    List<Span> spans = spans(server.requests().get(0));
    SpoorSpanContext context = (SpoorSpanContext) span.context();
    byte[] traceId = spans.get(0).getTraceId().toByteArray();
    assertEquals(16, traceId.length);
    assertArrayEquals(new byte[8], java.util.Arrays.copyOf(traceId, 8));
    assertEquals(id(0, context.traceIdLow()), spans.get(0).getTraceId());
    assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, spans.get(0).getKind());
    assertEquals("card declined", spans.get(0).getStatus().getMessage());
    assertEquals(Span.SpanKind.SPAN_KIND_PRODUCER, spans.get(1).getKind());
    assertEquals(Span.SpanKind.SPAN_KIND_CONSUMER, spans.get(2).getKind());
    assertEquals(Span.SpanKind.SPAN_KIND_INTERNAL, spans.get(3).getKind());
  }

  @Test
  void sendsTheHeadersAndGzipsTheBodyWhenAsked() throws Exception {
    CollectorServer server = server();
    RemoteReporter reporter = reporter(OtlpHttpSender.builder(server.url() + "/custom/path")
        .header("api-key", "secret-value").header("Authorization", "Bearer abc").gzip(true));
    SpoorTracer tracer = tracer(reporter, true);
    for (int i = 0; i < 50; i++) {
      tracer.buildSpan("op-" + i).withTag("index", i).start().finish();
    }
    assertTrue(reporter.flush());

    CollectorServer.Request request = server.requests().get(0);
    assertEquals("/custom/path", request.path);
    assertEquals("gzip", request.header("Content-Encoding"));
    assertEquals("secret-value", request.header("api-key"));
    assertEquals("Bearer abc", request.header("Authorization"));
    assertEquals(50, spans(request).size());
    assertFalse(reporter.toString().contains("secret-value"), reporter::toString);
    assertFalse(reporter.toString().contains("abc"), reporter::toString);
    assertTrue(reporter.toString().contains("api-key"), reporter::toString);
    assertEquals(50, tracer.metrics().get(Metric.SPANS_SENT));
    assertEquals(1, tracer.metrics().get(Metric.MESSAGES_SENT));
  }

  @Test
  void splitsBatchesAtTheMaxMessageSize() throws Exception {
    CollectorServer server = server();
    RemoteReporter reporter = reporter(OtlpHttpSender.builder(server.url() + "/v1/traces")
        .maxMessageBytes(4096));
    SpoorTracer tracer = tracer(reporter, true);
    for (int i = 0; i < 300; i++) {
      tracer.buildSpan("op-" + i).withTag("index", i).start().finish();
    }
    assertTrue(reporter.flush());

    int spans = 0;
    for (CollectorServer.Request request : server.requests()) {
      assertTrue(request.body.length <= 4096, () -> request.body.length + " bytes");
      spans += spans(request).size();
    }
    assertTrue(server.requests().size() > 5);
    assertEquals(300, spans);
    assertEquals(300, tracer.metrics().get(Metric.SPANS_SENT));
  }

  /** A span's start and duration, read through the reporter's view. */
  static final class FinishedSpanTimes {
    final long startMicros;
    final long durationMicros;

    private FinishedSpanTimes(long startMicros, long durationMicros) {
      this.startMicros = startMicros;
      this.durationMicros = durationMicros;
    }

    static FinishedSpanTimes of(io.opentracing.Span span) {
      dev.spoor.FinishedSpan finished = (dev.spoor.FinishedSpan) span;
      return new FinishedSpanTimes(finished.startMicros(), finished.durationMicros());
    }
  }

  static Map<String, String> headersOf(CollectorServer.Request request) {
    Map<String, String> headers = new HashMap<>();
    request.headers.forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
        v.get(0)));
    return headers;
  }
}
