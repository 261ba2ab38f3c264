package dev.spoor.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spoor.SpoorSpanContext;
import dev.spoor.internal.SpanContextBuilder;
import io.opentracing.propagation.TextMapAdapter;
import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeTextMapCodecTest {
  /** A one-header format for tests: {@code x-test-trace: {low hex}}. */
  private static final class SingleHeaderCodec implements TextMapCodec {
    @Override
    public void inject(SpoorSpanContext context, TextMapInject carrier) {
      carrier.put("x-test-trace", Long.toHexString(context.traceIdLow()));
    }

    @Override
    public SpoorSpanContext extract(TextMapExtract carrier) {
      for (Map.Entry<String, String> entry : carrier) {
        if (entry.getKey().equals("x-test-trace")) {
          return new SpanContextBuilder().traceIdLow(Long.parseLong(entry.getValue(), 16))
              .spanId(1L).sampled(true).build();
        }
      }
      return null;
    }
  }

  private final CompositeTextMapCodec codec =
      new CompositeTextMapCodec(List.of(new JaegerCodec(), new SingleHeaderCodec()));

  @Test
  void injectsEveryFormat() {
    Map<String, String> headers = new HashMap<>();
    codec.inject(new SpanContextBuilder().traceIdLow(0xabcL).spanId(0xdefL).sampled(true).build(),
        new TextMapAdapter(headers));
    assertEquals("0000000000000abc:0000000000000def:0:1", headers.get("uber-trace-id"));
    assertEquals("abc", headers.get("x-test-trace"));
  }

  @Test
  void aMalformedFirstFormatDoesNotHideAValidSecondOne() {
    Map<String, String> headers = new HashMap<>();
    headers.put("uber-trace-id", "garbage");
    headers.put("x-test-trace", "123");
    assertEquals(0x123L, codec.extract(new TextMapAdapter(headers)).traceIdLow());
  }

  @Test
  void aFullContextWinsOverAPartialOne() {
    Map<String, String> headers = new HashMap<>();
    headers.put("uberctx-user", "alice");
    headers.put("x-test-trace", "123");
    SpoorSpanContext context = codec.extract(new TextMapAdapter(headers));
    assertEquals(0x123L, context.traceIdLow());
  }

  @Test
  void aPartialContextIsReturnedWhenNothingBetterIsFound() {
    Map<String, String> headers = new HashMap<>();
    headers.put("uberctx-user", "alice");
    SpoorSpanContext context = codec.extract(new TextMapAdapter(headers));
    assertFalse(context.hasTrace());
    assertEquals("alice", context.getBaggageItem("user"));
  }

  @Test
  void whenNoFormatIsValidTheFirstErrorIsThrown() {
    Map<String, String> headers = new HashMap<>();
    headers.put("uber-trace-id", "garbage");
    assertThrows(MalformedContextException.class,
        () -> codec.extract(new TextMapAdapter(headers)));
    assertNull(codec.extract(new TextMapAdapter(new HashMap<>())));
  }

  @Test
  void rejectsAnEmptyOrNullList() {
    assertThrows(IllegalArgumentException.class, () -> new CompositeTextMapCodec(List.of()));
    assertThrows(NullPointerException.class,
        () -> new CompositeTextMapCodec(java.util.Arrays.asList(new JaegerCodec(), null)));
  }

  @Test
  void refusesANullListOfCodecsNamingIt() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> new CompositeTextMapCodec(null));
    assertEquals("codecs == null", e.getMessage());
  }
}
