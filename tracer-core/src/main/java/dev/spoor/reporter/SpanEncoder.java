package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import dev.spoor.LogRecord;
import dev.spoor.SpoorProcess;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * A wire format, one instance per reporter thread: encodes finished spans one after the other
 * into its reused {@link #spans()} buffer, shrinking a span that would not fit the byte budget,
 * and frames a run of encoded spans as one message for the current process. The batcher decides
 * where messages split; an encoder knows only its format.
 *
 * <p>The shrinking rule is the same for every format, so it lives here: a span too large loses
 * its logs, then its largest tags (only as many as needed), then the part of its operation name
 * beyond {@value #MAX_SHORTENED_NAME} characters, and gains a {@link #TRUNCATED_TAG} tag saying
 * so; only if it still does not fit is it {@link Fit#TOO_LARGE}.
 *
 * <p>Encoders read a {@link FinishedSpan} only: a frozen span, whose accessors never wait for its
 * lock (they see it finished at once), so the copy below is a consistent snapshot.
 */
abstract class SpanEncoder {
  /** Key of the tag added to a span that was shrunk to fit. */
  static final String TRUNCATED_TAG = "spoor.truncated";
  /** Characters an operation name keeps when it alone is too large. */
  static final int MAX_SHORTENED_NAME = 1024;

  /** What {@link #encode} did with a span. */
  enum Fit {
    /** Encoded whole. */
    WHOLE,
    /** Encoded without its logs and/or largest tags, perhaps with a shortened name, noted. */
    SHRUNK,
    /** Too large even without logs and tags and with a shortened name: nothing written. */
    TOO_LARGE
  }

  /** The word the truncation note uses for a message of this format ("datagram", "request"). */
  private final String messageNoun;
  // The span as copied once (see snapshot); cleared after each span.
  String[] tagKeys = new String[16];
  Object[] tagValues = new Object[16];
  boolean[] droppedTags = new boolean[16];
  private long[] tagSizes = new long[16];
  String operationName;
  long durationMicros;
  List<LogRecord> logs;

  SpanEncoder(String messageNoun) {
    this.messageNoun = messageNoun;
  }

  /** The encoded spans, appended one after the other. */
  abstract WireBuffer spans();

  /**
   * Makes {@code process} the process of the spans framed next, and returns the most bytes a
   * message adds around its spans for it.
   */
  abstract int beginProcess(SpoorProcess process);

  /**
   * Bytes {@link #frame} may write in front of a message's first span, for the current process:
   * the batcher encodes each message's spans from this offset on, so that a format whose header
   * goes in front of the spans can send them where they are. 0 (the default) when the header is
   * a part of its own.
   */
  int reservedPrefix() {
    return 0;
  }

  /**
   * The message holding the {@code spanCount} spans encoded in {@code spans()[from, to)}, as
   * parts to send one after the other; valid until the next call. It may write into {@code
   * spans()} before {@code from} (at most {@link #reservedPrefix()} bytes, over spans already
   * sent or the reserved room) and after {@code to} ({@link #unframe()} puts those bytes back).
   */
  abstract ByteBuffer[] frame(int from, int to, int spanCount);

  /** Restores the bytes after the spans that the last {@link #frame} wrote over. */
  void unframe() {}

  /**
   * Writes the snapshot of {@code span} at the end of {@code spans()}: with {@code name}, the
   * tags not marked in {@link #droppedTags} when {@code note} is set (else all), the logs when
   * {@code withLogs}, and {@code note} as a {@link #TRUNCATED_TAG} tag when not null.
   */
  abstract void writeSpan(
      FinishedSpan span, String name, int tagCount, boolean withLogs, String note);

  /** Writes one tag at the end of {@code spans()}, as {@link #writeSpan} would. */
  abstract void writeTag(String key, Object value);

  /**
   * Appends {@code span} to {@link #spans()} in at most {@code maxBytes} bytes, shrinking it as
   * the class comment says.
   */
  final Fit encode(FinishedSpan span, int maxBytes) {
    int tagCount = snapshot(span);
    try {
      return encodeSnapshot(span, maxBytes, tagCount);
    } finally {
      Arrays.fill(tagKeys, 0, tagCount, null); // keep no tag values alive until the next span
      Arrays.fill(tagValues, 0, tagCount, null);
      operationName = null;
      logs = null;
    }
  }

  /** Copies what the encoding needs from {@code span} once. */
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

  private Fit encodeSnapshot(FinishedSpan span, int maxBytes, int tagCount) {
    WireBuffer out = spans();
    int start = out.size();
    String name = operationName;
    writeSpan(span, name, tagCount, true, null);
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
      writeSpan(span, name, tagCount, false,
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

  private String truncationNote(int logCount, int tagCount, int shortenedFrom, int maxBytes) {
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
    return note.append(" to fit a ").append(messageNoun).append(" of ").append(maxBytes)
        .append(" bytes").toString();
  }

  /** Tag indexes by encoded size, largest first; {@code tagSizes[i]} keeps size << 32 | index. */
  private int[] tagsLargestFirst(WireBuffer out, int tagCount) {
    int mark = out.size();
    for (int i = 0; i < tagCount; i++) {
      writeTag(tagKeys[i], tagValues[i]);
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

  /** Tags written when {@code note} is set: those not dropped, plus the note. */
  final int keptTags(int tagCount) {
    int kept = 0;
    for (int i = 0; i < tagCount; i++) {
      if (!droppedTags[i]) {
        kept++;
      }
    }
    return kept;
  }

  /** A value's {@code toString()}; a throwing toString must not lose the span. */
  static String describe(Object value) {
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
