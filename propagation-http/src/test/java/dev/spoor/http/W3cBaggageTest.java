package dev.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.SpoorSpanContext;
import dev.spoor.internal.SpanContextBuilder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The W3C {@code baggage} header as part of the {@code w3c} format. */
class W3cBaggageTest {
  private static final String TRACE_PARENT =
      "00-12345678901234567890123456789012-1234567890123456-01";

  private final W3cTraceContextCodec codec = new W3cTraceContextCodec();

  private Map<String, String> baggageOf(String... headerValues) {
    Headers headers = Headers.of("traceparent", TRACE_PARENT);
    for (String value : headerValues) {
      headers.add("baggage", value);
    }
    return codec.extract(headers).baggage();
  }

  private String headerFor(Map<String, String> baggage) {
    SpoorSpanContext context = new SpanContextBuilder().traceIdHigh(1L).traceIdLow(2L).spanId(3L)
        .sampled(true).baggage(baggage).build();
    Map<String, String> headers = new HashMap<>();
    codec.inject(context, headers::put);
    return headers.get("baggage");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "plain", "with space", "comma,semicolon;equals=", "percent%25 plus+ quote\" slash\\",
      "gr\u00fc\u00dfe \u65e5\u672c \ud83d\ude00", "line\r\nbreak\ttab\u0000nul", ""})
  void roundTripsAnyValue(String value) {
    Map<String, String> baggage = new HashMap<>();
    baggage.put("key", value);
    String header = headerFor(baggage);
    for (char c : header.toCharArray()) {
      assertTrue(c > 0x20 && c < 0x7f, "unsafe character in " + header);
    }
    assertEquals(baggage, baggageOf(header));
  }

  @Test
  void readsTheSpecExamples() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("userId", "alice");
    expected.put("serverNode", "DF 28");
    expected.put("isProduction", "false");
    assertEquals(expected, baggageOf("userId=alice,serverNode=DF%2028,isProduction=false"));
    assertEquals(expected, baggageOf("userId=alice", "serverNode=DF%2028,isProduction=false"));
    assertEquals(expected, baggageOf("userId =   alice", "serverNode = DF%2028, isProduction = false"));
  }

  @Test
  void dropsPropertiesAfterTheValue() {
    Map<String, String> baggage = baggageOf(
        "key1=value1;property1;property2, key2 = value2, key3=value3; propertyKey=propertyValue");
    assertEquals("value1", baggage.get("key1"));
    assertEquals("value2", baggage.get("key2"));
    assertEquals("value3", baggage.get("key3"));
    assertEquals(3, baggage.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "k=v;p", "k=v;p=1", "k=v ; p ;q = 2 ", "k=v;p=%20%3B", "k=v;p=", "k=v;p;p;p=x",
      "k = v \t;\t p \t", "k=v;!#$%&'*+-.^_`|~=1"})
  void acceptsEveryPropertyForm(String member) {
    assertEquals(Map.of("k", "v", "other", "1"), baggageOf(member + ",other=1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "k=v;", "k=v;;p", "k=v;p q", "k=v;=1", "k=v;p=a b", "k=v;p=%zz", "k=v;p=\"q\"",
      "k=v;p=caf\u00e9", "k=v;p\\"})
  void skipsAMemberWithAMalformedProperty(String member) {
    assertEquals(Map.of("other", "1"), baggageOf(member + ",other=1"));
  }

  @Test
  void readsAnEmptyValue() {
    assertEquals(Map.of("k", "", "p", ""), baggageOf("k=,p=;prop"));
  }

  @Test
  void readsAPlusAsAPlusAndKeepsEqualSignsInValues() {
    Map<String, String> baggage = baggageOf("a=1+1,b=x=y");
    assertEquals("1+1", baggage.get("a"));
    assertEquals("x=y", baggage.get("b"));
  }

  @Test
  void replacesBytesThatAreNotUtf8() {
    assertEquals("a\ufffdb", baggageOf("k=a%FFb").get("k"));
  }

  @Test
  void skipsInvalidMembersAndKeepsTheOthers() {
    Map<String, String> baggage = baggageOf(
        "good=1,bad key=2,bad=a b,bad=%zz,bad=%4,=nokey,novalue,also=fine,bad=caf\u00e9");
    Map<String, String> expected = new HashMap<>();
    expected.put("good", "1");
    expected.put("also", "fine");
    assertEquals(expected, baggage);
  }

  @Test
  void readsAtMost64Members() {
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      header.append(i == 0 ? "" : ",").append('k').append(i).append("=v");
    }
    Map<String, String> baggage = baggageOf(header.toString());
    assertEquals(64, baggage.size());
    assertEquals("v", baggage.get("k63"));
    assertFalse(baggage.containsKey("k64"));
  }

  @Test
  void countsTheLimitsOverAllBaggageHeadersTogether() {
    String half = "v".repeat(4500);
    Map<String, String> baggage = baggageOf("a=" + half, "b=" + half);
    assertEquals(Map.of("a", half), baggage);
  }

  @Test
  void readsAtMost8192Bytes() {
    String big = "v".repeat(5000);
    Map<String, String> baggage = baggageOf("a=" + big + ",b=" + big + ",c=1");
    assertEquals(big, baggage.get("a"));
    assertFalse(baggage.containsKey("b"), "b ends past 8192 bytes");
    assertFalse(baggage.containsKey("c"));
  }

  @Test
  void writesA64MemberOr8192ByteHeaderWhole() {
    Map<String, String> sixtyFour = new HashMap<>();
    for (int i = 0; i < 64; i++) {
      sixtyFour.put("key" + i, "value");
    }
    assertEquals(sixtyFour, baggageOf(headerFor(sixtyFour)));
    String value = "0123456789".repeat(819);
    String header = headerFor(Map.of("a", value));
    assertEquals(8192, header.length());
    assertEquals(Map.of("a", value), baggageOf(header));
  }

  @Test
  void writesAtMost64MembersAnd8192BytesOfWholeMembers() {
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      many.put("k" + i, "v");
    }
    assertEquals(64, headerFor(many).split(",").length);
    Map<String, String> big = new HashMap<>();
    big.put("a", "x".repeat(5000));
    big.put("b", "y".repeat(5000));
    String header = headerFor(big);
    assertTrue(header.equals("a=" + "x".repeat(5000)) || header.equals("b=" + "y".repeat(5000)),
        "one whole member, never a cut one: " + header.length());
  }

  @Test
  void leavesOutKeysThatAreNotTokens() {
    Map<String, String> baggage = new LinkedHashMap<>();
    baggage.put("good", "1");
    baggage.put("bad key", "2");
    baggage.put("bad\r\nkey", "3");
    assertEquals("good=1", headerFor(baggage));
  }

  @Test
  void carriesBaggageWithoutATraceAsAPartialContext() {
    SpoorSpanContext context = codec.extract(Headers.of("Baggage", "k=v"));
    assertFalse(context.hasTrace());
    assertEquals("v", context.getBaggageItem("k"));
  }

  @Test
  void returnsNullForAnEmptyBaggageHeaderAlone() {
    assertNull(codec.extract(Headers.of("baggage", " , ")));
  }
}
