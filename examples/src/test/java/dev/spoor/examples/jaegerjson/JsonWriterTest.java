package dev.spoor.examples.jaegerjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  private final StringBuilder text = new StringBuilder();

  @Test
  void escapesStringsSoThatTheyParseBackAndCannotCloseAScriptElement() {
    String tricky = "\"\\/\b\f\n\r\t\u0001 </script><!-- & \u2028\u2029 é 😀 \ud800 end";
    JsonWriter.compact(text).beginObject().member("s", tricky).endObject();

    assertEquals("{\"s\":\"\\\"\\\\/\\u0008\\u000c\\n\\r\\t\\u0001 \\u003c/script\\u003e\\u003c!--"
        + " \\u0026 \\u2028\\u2029 é 😀 \\ud800 end\"}", text.toString());
    JsonObject parsed = JsonParser.parseString(text.toString()).getAsJsonObject();
    assertEquals(tricky, parsed.get("s").getAsString());
  }

  @Test
  void writesNumbersBooleansAndNullsAndTheNumbersJsonCannotHoldAsStrings() {
    JsonWriter.compact(text).beginArray().value(-7L).value(Long.MAX_VALUE).value(0.25)
        .value(72.0).value(1e300).value(Double.NaN).value(Double.POSITIVE_INFINITY).value(true)
        .nullValue().value((String) null).endArray();

    assertEquals("[-7,9223372036854775807,0.25,72,1.0E300,\"NaN\",\"Infinity\",true,null,null]",
        text.toString());
    assertEquals(10, JsonParser.parseString(text.toString()).getAsJsonArray().size());
  }

  @Test
  void indentsTwoSpacesPerLevelAndLeavesEmptyContainersOnOneLine() {
    JsonWriter.indented(text).beginObject().name("a").beginArray().value(1).beginObject()
        .endObject().endArray().name("b").beginArray().endArray().endObject();

    assertEquals("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": []\n}", text.toString());
  }

  @Test
  void refusesTokensThatWouldNotMakeJson() {
    assertThrows(IllegalStateException.class,
        () -> JsonWriter.compact(new StringBuilder()).beginObject().value(1));
    assertThrows(IllegalStateException.class,
        () -> JsonWriter.compact(new StringBuilder()).beginArray().name("a"));
    assertThrows(IllegalStateException.class,
        () -> JsonWriter.compact(new StringBuilder()).beginObject().name("a").name("b"));
    assertThrows(IllegalStateException.class,
        () -> JsonWriter.compact(new StringBuilder()).beginObject().name("a").endObject());
    assertThrows(IllegalStateException.class,
        () -> JsonWriter.compact(new StringBuilder()).beginArray().endObject());
    assertThrows(IllegalStateException.class,
        () -> JsonWriter.compact(new StringBuilder()).value(1).value(2));
    assertThrows(NullPointerException.class, () -> JsonWriter.compact(null));
  }
}
