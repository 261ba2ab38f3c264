package dev.spoor.jaeger.thrift;

import dev.spoor.LogRecord;
import dev.spoor.SpoorReference;
import dev.spoor.FinishedSpan;
import dev.spoor.SpoorSpanContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Encodes one finished {@link FinishedSpan} as the {@code Span} struct of jaeger-idl's
 * {@code thrift/jaeger.thrift}, shrinking it when it would not fit in a datagram.
 *
 * <p>Mapping: the 128-bit trace id goes to {@code traceIdHigh}/{@code traceIdLow};
 * {@code parentSpanId} is always the span's parent id (0 for a root). {@code references} are
 * written only when the parent id alone does not say everything, i.e. unless the span has exactly
 * one {@code child_of} reference (to its parent), as jaeger-client-java does. Tags and log fields
 * keep their type: String as STRING, Boolean as BOOL, Integer/Long/Short/Byte as LONG,
 * Float/Double as DOUBLE, byte[] as BINARY, anything else as the STRING of its {@code toString()}.
 *
 * <p>One encoder per sending thread (it reuses scratch arrays). Not API.
 */
public final class JaegerSpanEncoder {
  /**
   * Key of the tag added to a span whose logs or tags were dropped, or whose name was shortened, to
   * fit in a datagram.
   */
  public static final String TRUNCATED_TAG = "spoor.truncated";

  /** What {@link #encode} did with a span. */
  public enum Fit {
    /** Encoded whole. */
    WHOLE,
    /**
     * Encoded without its logs and/or largest tags, perhaps with a shortened operation name, with
     * a {@link #TRUNCATED_TAG} tag.
     */
    SHRUNK,
    /** Too large even without logs and tags and with a shortened name: nothing written. */
    TOO_LARGE
  }

  // jaeger.thrift enum TagType { STRING, DOUBLE, BOOL, LONG, BINARY }
  private static final int TAG_STRING = 0;
  private static final int TAG_DOUBLE = 1;
  private static final int TAG_BOOL = 2;
  private static final int TAG_LONG = 3;
  private static final int TAG_BINARY = 4;
  private static final int STRING_FIELD_NEXT = 1 << 4 | ThriftCompactWriter.TYPE_BINARY;
  private static final int I32_FIELD_NEXT = 1 << 4 | ThriftCompactWriter.TYPE_I32;
  // jaeger.thrift enum SpanRefType { CHILD_OF, FOLLOWS_FROM }
  private static final int REF_CHILD_OF = 0;
  private static final int REF_FOLLOWS_FROM = 1;

  /** Characters an operation name keeps when it alone is too large for a datagram. */
  static final int MAX_SHORTENED_NAME = 1024;

  private boolean[] droppedTags = new boolean[16];
  private long[] tagSizes = new long[16];
  // The span as read under its monitor once (see snapshot); cleared after each span.
  private String[] tagKeys = new String[16];
  private Object[] tagValues = new Object[16];
  private String operationName;
  private long durationMicros;
  private List<LogRecord> logs;

  /**
   * Appends {@code span} to {@code out} in at most {@code maxBytes} bytes. A larger span loses its
   * logs, then its largest tags one by one, then the operation name beyond {@value
   * #MAX_SHORTENED_NAME} characters (ending in "..."), and gains a {@link #TRUNCATED_TAG} tag
   * saying so.
   */
  public Fit encode(FinishedSpan span, ThriftCompactWriter out, int maxBytes) {
    int tagCount = snapshot(span);
    try {
      return encodeSnapshot(span, out, maxBytes, tagCount);
    } finally {
      Arrays.fill(tagKeys, 0, tagCount, null); // keep no tag values alive until the next span
      Arrays.fill(tagValues, 0, tagCount, null);
      operationName = null;
      logs = null;
    }
  }

  /**
   * Copies what the encoding needs from {@code span} once. Reported spans are finished, and a
   * finished span is frozen (its state word is FINISHED and nothing writes it again), so its
   * accessors take no lock and the copy is a consistent snapshot.
   */
  private int snapshot(FinishedSpan span) {
    int tagCount = span.tagCount();
    if (tagKeys.length < tagCount) {
      tagKeys = new String[tagCount];
      tagValues = new Object[tagCount];
      droppedTags = new boolean[tagCount];
      tagSizes = new long[tagCount];
    }
    for (int i = 0; i < tagCount; i++) {
      tagKeys[i] = span.tagKey(i);
      tagValues[i] = span.tagValue(i);
    }
    operationName = span.operationName();
    durationMicros = span.durationMicros();
    logs = span.logs();
    return tagCount;
  }

  private Fit encodeSnapshot(FinishedSpan span, ThriftCompactWriter out, int maxBytes, int tagCount) {
    int start = out.size();
    String name = operationName;
    writeSpan(span, name, out, tagCount, true, null);
    if (out.size() - start <= maxBytes) {
      return Fit.WHOLE;
    }
    Arrays.fill(droppedTags, 0, tagCount, false); // read only when shrinking
    int logCount = logs.size();
    int dropped = 0;
    int[] largestFirst = null;
    int shortenedFrom = 0; // the name's length once shortened
    while (true) {
      out.truncate(start);
      writeSpan(span, name, out, tagCount, false,
          truncationNote(logCount, dropped, shortenedFrom, maxBytes));
      int excess = out.size() - start - maxBytes;
      if (excess <= 0) {
        return Fit.SHRUNK;
      }
      if (dropped == tagCount) {
        if (shortenedFrom == 0 && name.length() > MAX_SHORTENED_NAME + 3) {
          shortenedFrom = name.length();
          name = shortened(name);
          continue;
        }
        out.truncate(start);
        return Fit.TOO_LARGE;
      }
      if (largestFirst == null) {
        out.truncate(start); // measure the tags where the span was, not after a huge copy of it
        largestFirst = tagsLargestFirst(out, tagCount);
      }
      int freed = 0;
      while (freed < excess && dropped < tagCount) {
        int index = largestFirst[dropped++];
        droppedTags[index] = true;
        freed += (int) (tagSizes[index] >>> 32);
      }
    }
  }

  // The first MAX_SHORTENED_NAME characters and "...", never ending in half a surrogate pair.
  private static String shortened(String name) {
    int end = MAX_SHORTENED_NAME;
    if (Character.isHighSurrogate(name.charAt(end - 1))) {
      end--;
    }
    return name.substring(0, end) + "...";
  }

  private static String truncationNote(
      int logCount, int tagCount, int shortenedFrom, int maxBytes) {
    StringBuilder note = new StringBuilder(128).append("dropped ");
    if (logCount > 0) {
      note.append(logCount).append(logCount == 1 ? " log" : " logs");
      if (tagCount > 0) {
        note.append(" and ");
      }
    }
    if (tagCount > 0) {
      note.append(tagCount).append(tagCount == 1 ? " tag" : " tags");
    }
    if (logCount == 0 && tagCount == 0) {
      note.append("nothing");
    }
    if (shortenedFrom > 0) {
      note.append(", shortened the operation name of ").append(shortenedFrom)
          .append(" characters to ").append(MAX_SHORTENED_NAME);
    }
    return note.append(" to fit a datagram of ").append(maxBytes).append(" bytes").toString();
  }

  /** Tag indexes by encoded size, largest first; {@code tagSizes[i]} keeps size << 32 | index. */
  private int[] tagsLargestFirst(ThriftCompactWriter out, int tagCount) {
    int mark = out.size();
    for (int i = 0; i < tagCount; i++) {
      writeTag(out, tagKeys[i], tagValues[i]);
      tagSizes[i] = ((long) (out.size() - mark) << 32) | i;
      out.truncate(mark);
    }
    long[] sorted = Arrays.copyOf(tagSizes, tagCount);
    Arrays.sort(sorted);
    int[] order = new int[tagCount];
    for (int i = 0; i < tagCount; i++) {
      order[i] = (int) sorted[tagCount - 1 - i];
    }
    return order;
  }

  private void writeSpan(FinishedSpan span, String operationName, ThriftCompactWriter out,
      int tagCount, boolean withLogs, String note) {
    SpoorSpanContext context = span.context();
    out.writeStructBegin();
    out.writeI64Field(1, context.traceIdLow());
    out.writeI64Field(2, context.traceIdHigh());
    out.writeI64Field(3, context.spanId());
    out.writeI64Field(4, context.parentId());
    out.writeStringField(5, operationName);
    List<SpoorReference> references = span.references();
    if (needsReferences(references)) {
      out.writeFieldBegin(ThriftCompactWriter.TYPE_LIST, 6);
      out.writeListBegin(ThriftCompactWriter.TYPE_STRUCT, references.size());
      for (int i = 0; i < references.size(); i++) {
        writeReference(out, references.get(i));
      }
    }
    out.writeI32Field(7, context.flags() & 0xFF);
    out.writeI64Field(8, span.startMicros());
    out.writeI64Field(9, durationMicros);
    int kept = note == null ? tagCount : keptTags(tagCount) + 1;
    if (kept > 0) {
      out.writeFieldBegin(ThriftCompactWriter.TYPE_LIST, 10);
      out.writeListBegin(ThriftCompactWriter.TYPE_STRUCT, kept);
      for (int i = 0; i < tagCount; i++) {
        if (note == null || !droppedTags[i]) {
          writeTag(out, tagKeys[i], tagValues[i]);
        }
      }
      if (note != null) {
        writeTag(out, TRUNCATED_TAG, note);
      }
    }
    if (withLogs && !logs.isEmpty()) {
      out.writeFieldBegin(ThriftCompactWriter.TYPE_LIST, 11);
      out.writeListBegin(ThriftCompactWriter.TYPE_STRUCT, logs.size());
      for (int i = 0; i < logs.size(); i++) {
        writeLog(out, logs.get(i));
      }
    }
    out.writeStructEnd();
  }

  private int keptTags(int tagCount) {
    int kept = 0;
    for (int i = 0; i < tagCount; i++) {
      if (!droppedTags[i]) {
        kept++;
      }
    }
    return kept;
  }

  /** One child_of reference is the parent id already; anything else is written in full. */
  private static boolean needsReferences(List<SpoorReference> references) {
    int count = references.size();
    return count > 1 || (count == 1 && !references.get(0).isChildOf());
  }

  private static void writeReference(ThriftCompactWriter out, SpoorReference reference) {
    SpoorSpanContext referenced = reference.context();
    out.writeStructBegin();
    out.writeI32Field(1, reference.isChildOf() ? REF_CHILD_OF : REF_FOLLOWS_FROM);
    out.writeI64Field(2, referenced.traceIdLow());
    out.writeI64Field(3, referenced.traceIdHigh());
    out.writeI64Field(4, referenced.spanId());
    out.writeStructEnd();
  }

  private static void writeLog(ThriftCompactWriter out, LogRecord log) {
    Map<String, ?> fields = log.fields();
    out.writeStructBegin();
    out.writeI64Field(1, log.timestampMicros());
    out.writeFieldBegin(ThriftCompactWriter.TYPE_LIST, 2);
    out.writeListBegin(ThriftCompactWriter.TYPE_STRUCT, fields.size());
    for (Map.Entry<String, ?> field : fields.entrySet()) {
      writeTag(out, field.getKey(), field.getValue());
    }
    out.writeStructEnd();
  }

  /** Writes {@code tags} as the elements of a {@code list<Tag>} (the list header is the caller's). */
  static void writeTags(ThriftCompactWriter out, Map<String, ?> tags) {
    for (Map.Entry<String, ?> tag : tags.entrySet()) {
      writeTag(out, tag.getKey(), tag.getValue());
    }
  }

  /** jaeger.thrift {@code struct Tag}: key, vType and the one value field of that type. */
  static void writeTag(ThriftCompactWriter out, String key, Object value) {
    if (value instanceof String) {
      writeStringTag(out, key == null ? "null" : key, (String) value);
      return;
    }
    out.writeStructBegin();
    out.writeStringField(1, key == null ? "null" : key);
    if (value instanceof String) {
      out.writeI32Field(2, TAG_STRING);
      out.writeStringField(3, (String) value);
    } else if (value instanceof Boolean) {
      out.writeI32Field(2, TAG_BOOL);
      out.writeBoolField(5, (Boolean) value);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      out.writeI32Field(2, TAG_LONG);
      out.writeI64Field(6, ((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      out.writeI32Field(2, TAG_DOUBLE);
      out.writeFieldBegin(ThriftCompactWriter.TYPE_DOUBLE, 4);
      out.writeDouble(((Number) value).doubleValue());
    } else if (value instanceof byte[]) {
      out.writeI32Field(2, TAG_BINARY);
      out.writeFieldBegin(ThriftCompactWriter.TYPE_BINARY, 7);
      out.writeBinary((byte[]) value);
    } else {
      out.writeI32Field(2, TAG_STRING);
      out.writeStringField(3, describe(value));
    }
    out.writeStructEnd();
  }

  /**
   * The common tag, a String, with its field headers as constant bytes: no struct nesting or field
   * id bookkeeping in the writer. Thrift compact "Struct encoding": a header is
   * {@code delta << 4 | type}, and each field here is 1 above the one before it.
   */
  private static void writeStringTag(ThriftCompactWriter out, String key, String value) {
    out.writeByte(STRING_FIELD_NEXT); // 1: key
    out.writeString(key);
    out.writeByte(I32_FIELD_NEXT); // 2: vType
    out.writeByte(TAG_STRING); // zigzag(0) == 0
    out.writeByte(STRING_FIELD_NEXT); // 3: vStr
    out.writeString(value);
    out.writeByte(0); // stop
  }

  /** A value's {@code toString()}; a throwing toString must not lose the span. */
  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    try {
      String text = value.toString();
      return text == null ? "null" : text;
    } catch (RuntimeException e) {
      return value.getClass().getName() + " (toString failed: " + e + ")";
    }
  }
}
