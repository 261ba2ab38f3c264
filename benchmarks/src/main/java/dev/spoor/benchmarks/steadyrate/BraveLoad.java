package dev.spoor.benchmarks.steadyrate;

import brave.Span;
import brave.Tracer;
import brave.Tracer.SpanInScope;
import brave.Tracing;
import brave.sampler.Sampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * Brave as its README sets it up for Zipkin: {@code Tracing} with every trace sampled and one
 * {@code AsyncZipkinSpanHandler} (zipkin-reporter's {@code AsyncReporter}: a bounded queue and one
 * thread, {@code AsyncReporter{...}}, that encodes spans as Zipkin JSON v2 and POSTs them) with
 * the {@code URLConnectionSender}, which needs nothing but the JDK, to the receiver's
 * {@code /api/v2/spans}. Every other setting is zipkin-reporter's default (gzip on, 1 s message
 * timeout, 10,000 queued spans at most).
 */
final class BraveLoad implements TracedLoad {
  private static final String KEY_0 = TAGS.get(0);
  private static final String VALUE_0 = TAGS.get(1);
  private static final String KEY_1 = TAGS.get(2);
  private static final String VALUE_1 = TAGS.get(3);
  private static final String KEY_2 = TAGS.get(4);
  private static final String VALUE_2 = TAGS.get(5);
  private static final String KEY_3 = TAGS.get(6);
  private static final String VALUE_3 = TAGS.get(7);

  private final BytesMessageSender sender;
  private final AsyncZipkinSpanHandler handler;
  private final Tracing tracing;
  private final Tracer tracer;
  private Span parent;
  private SpanInScope parentScope;
  private long finished;

  BraveLoad(int port) {
    sender = URLConnectionSender.create("http://127.0.0.1:" + port + SpanHttpReceiver.ZIPKIN_PATH);
    handler = AsyncZipkinSpanHandler.create(sender);
    tracing = Tracing.newBuilder()
        .localServiceName(SERVICE)
        .sampler(Sampler.ALWAYS_SAMPLE)
        .addSpanHandler(handler)
        .build();
    tracer = tracing.tracer();
  }

  @Override
  public void activateParent() {
    parent = tracer.nextSpan().name(PARENT_OPERATION).start();
    parentScope = tracer.withSpanInScope(parent);
  }

  @Override
  public void traceSpan() {
    // Brave takes tags on the span, not on a builder: the same four, before start.
    Span span = tracer.nextSpan().name(OPERATION);
    span.tag(KEY_0, VALUE_0).tag(KEY_1, VALUE_1).tag(KEY_2, VALUE_2).tag(KEY_3, VALUE_3).start();
    SpanInScope scope = tracer.withSpanInScope(span);
    scope.close(); // nothing runs inside: the activation itself is part of the work
    span.finish();
    finished++;
  }

  @Override
  public void finishParent() {
    parentScope.close();
    parent.finish();
    finished++;
  }

  @Override
  public long spansFinished() {
    return finished;
  }

  @Override
  public List<String> backgroundThreadPrefixes() {
    return List.of("AsyncReporter");
  }

  @Override
  public Map<String, Long> counters() {
    return Map.of();
  }

  @Override
  public void close() {
    handler.flush(); // close() alone drops what is still queued
    handler.close();
    tracing.close();
    try {
      sender.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
