package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import io.opentracing.References;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What Spoor POSTs to a Jaeger collector, as a real JDK HttpServer receives it, decoded with
 * libthrift's TBinaryProtocol into jaeger-thrift's {@code Batch}, with bearer and Basic auth.
 */
class JaegerHttpSenderTest {
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

  private RemoteReporter reporter(JaegerHttpSender.Builder sender) {
    return RemoteReporter.builder().sender(sender.build()).flushInterval(1, TimeUnit.HOURS)
        .build();
  }

  private SpoorTracer tracer(RemoteReporter reporter) {
    SpoorTracer tracer = SpoorTracer.builder("orders").withTag("region", "eu")
        .reporter(reporter).build();
    resources.add(tracer);
    return tracer;
  }

  static Batch decode(byte[] body) throws Exception {
    Batch batch = new Batch();
    batch.read(new TBinaryProtocol(new TMemoryInputTransport(body)));
    return batch;
  }

  private static Map<String, Tag> tags(List<Tag> tags) {
    Map<String, Tag> map = new HashMap<>();
    for (Tag tag : tags) {
      map.put(tag.getKey(), tag);
    }
    return map;
  }

  @Test
  void postsAThriftBinaryBatchWithABearerToken() throws Exception {
    CollectorServer server = server();
    RemoteReporter reporter = reporter(JaegerHttpSender.builder(server.url() + "/api/traces")
        .authToken("token-123"));
    SpoorTracer tracer = tracer(reporter);
    io.opentracing.Span parent = tracer.buildSpan("parent").start();
    io.opentracing.Span earlier = tracer.buildSpan("earlier").start();
    io.opentracing.Span span = tracer.buildSpan("charge").asChildOf(parent)
        .addReference(References.FOLLOWS_FROM, earlier.context())
        .withTag("amount", 12.5).withTag("items", 3).withTag("paid", true)
        .withTag("note", "ok").start();
    span.log(Map.of("event", "charged"));
    span.finish();
    earlier.finish();
    parent.finish();
    assertTrue(reporter.flush());

    CollectorServer.Request request = server.requests().get(0);
    assertEquals("/api/traces", request.path);
    assertEquals("format=jaeger.thrift", request.query);
    assertEquals("application/x-thrift", request.header("Content-Type"));
    assertEquals("Bearer token-123", request.header("Authorization"));
    Batch batch = decode(request.body);
    assertEquals("orders", batch.getProcess().getServiceName());
    assertEquals("eu", tags(batch.getProcess().getTags()).get("region").getVStr());
    assertEquals(3, batch.getSpansSize());
    Span decoded = batch.getSpans().get(0);
    SpoorSpanContext context = (SpoorSpanContext) span.context();
    assertEquals(context.traceIdLow(), decoded.getTraceIdLow());
    assertEquals(context.traceIdHigh(), decoded.getTraceIdHigh());
    assertEquals(context.spanId(), decoded.getSpanId());
    assertEquals(((SpoorSpanContext) parent.context()).spanId(), decoded.getParentSpanId());
    assertEquals("charge", decoded.getOperationName());
    assertEquals(2, decoded.getReferencesSize());
    assertEquals(SpanRefType.FOLLOWS_FROM, decoded.getReferences().get(1).getRefType());
    assertEquals(1, decoded.getFlags());
    Map<String, Tag> tags = tags(decoded.getTags());
    assertEquals(TagType.DOUBLE, tags.get("amount").getVType());
    assertEquals(12.5, tags.get("amount").getVDouble());
    assertEquals(3, tags.get("items").getVLong());
    assertTrue(tags.get("paid").isVBool());
    assertEquals("ok", tags.get("note").getVStr());
    assertEquals("charged", decoded.getLogs().get(0).getFields().get(0).getVStr());
    assertEquals(3, tracer.metrics().get(Metric.SPANS_SENT));
    assertEquals(0, tracer.metrics().get(Metric.DATAGRAMS_SENT), "not a datagram");
    assertFalse(reporter.toString().contains("token-123"), reporter::toString);
  }

  @Test
  void sendsBasicAuthorizationAndKeepsAnExistingFormatParameter() throws Exception {
    CollectorServer server = server();
    RemoteReporter reporter = reporter(JaegerHttpSender.builder(
        server.url() + "/api/traces?format=jaeger.thrift").basicAuth("shop", "pa:ss wörd"));
    SpoorTracer tracer = tracer(reporter);
    tracer.buildSpan("one").start().finish();
    assertTrue(reporter.flush());

    CollectorServer.Request request = server.requests().get(0);
    assertEquals("format=jaeger.thrift", request.query);
    // RFC 7617: base64 of the UTF-8 "shop:pa:ss wörd".
    assertEquals("Basic c2hvcDpwYTpzcyB3w7ZyZA==", request.header("Authorization"));
    assertEquals(1, decode(request.body).getSpansSize());
    assertFalse(reporter.toString().contains("pa:ss"), reporter::toString);
  }

  @Test
  void sendsNoAuthorizationByDefault() throws Exception {
    CollectorServer server = server();
    RemoteReporter reporter = reporter(JaegerHttpSender.builder(server.url() + "/api/traces"));
    tracer(reporter).buildSpan("anonymous").start().finish();
    assertTrue(reporter.flush());
    assertNull(server.requests().get(0).header("Authorization"));
  }

  @Test
  void refusesEndpointsThatAreNotHttpOrCarryCredentials() {
    IllegalArgumentException credentials = assertThrows(IllegalArgumentException.class,
        () -> JaegerHttpSender.builder("http://user:hunter2@collector:14268/api/traces"));
    assertFalse(credentials.getMessage().contains("hunter2"), credentials.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> JaegerHttpSender.builder("udp://collector:6831"));
    assertThrows(IllegalArgumentException.class, () -> JaegerHttpSender.builder("not a url"));
    assertThrows(IllegalArgumentException.class,
        () -> OtlpHttpSender.builder("http://collector:4318").header("x", "a\r\nb"));
    IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
        () -> OtlpHttpSender.builder("http://collector:4318").header("bad name", "secret"));
    assertFalse(header.getMessage().contains("secret"), header.getMessage());
  }
}
