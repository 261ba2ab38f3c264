package dev.spoor.examples.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * A logback appender that keeps the most recent log lines in memory, formatted with
 * {@link LogfmtLayout}, so the demo can print the lines that belong to a trace next to its
 * waterfall. Installed on the root logger by the demo's {@code logback.xml} under the name
 * {@value #NAME}; the oldest lines are dropped once {@link #capacity} is reached.
 */
public final class TraceLogBuffer extends AppenderBase<ILoggingEvent> {
  /** The appender name the demo's {@code logback.xml} gives this buffer. */
  public static final String NAME = "TRACE_LOGS";
  /** Lines kept unless configured otherwise. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final LogfmtLayout layout = new LogfmtLayout();
  private final Deque<LogLine> lines = new ArrayDeque<>();
  private int capacity = DEFAULT_CAPACITY;

  /** Creates an empty buffer; logback calls this when it reads the configuration. */
  public TraceLogBuffer() {}

  /**
   * The buffer installed on the root logger under {@value #NAME}.
   *
   * @throws IllegalStateException when logback is not the SLF4J binding or the configuration in
   *     use does not declare the buffer
   */
  public static TraceLogBuffer installed() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      throw new IllegalStateException("logback is not the SLF4J binding");
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Appender<ILoggingEvent> appender = root.getAppender(NAME);
    if (!(appender instanceof TraceLogBuffer buffer)) {
      throw new IllegalStateException("no " + NAME + " appender on the root logger");
    }
    return buffer;
  }

  /** Sets how many lines are kept; logback calls this for a {@code <capacity>} element. */
  public void setCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity < 1: " + capacity);
    }
    synchronized (lines) {
      this.capacity = capacity;
    }
  }

  @Override
  public void start() {
    layout.setContext(getContext());
    layout.start();
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    Map<String, String> mdc = event.getMDCPropertyMap();
    LogLine line = new LogLine(epochMicros(event), event.getLevel().toString(),
        mdc.get(LogfmtLayout.SERVICE_KEY), mdc.get(LogfmtLayout.TRACE_ID_KEY),
        mdc.get(LogfmtLayout.SPAN_ID_KEY), stripLineSeparator(layout.doLayout(event)));
    synchronized (lines) {
      while (lines.size() >= capacity) {
        lines.removeFirst();
      }
      lines.addLast(line);
    }
  }

  /** The kept lines written while the trace {@code traceIdHex} was active, oldest first. */
  public List<String> linesOf(String traceIdHex) {
    List<String> result = new ArrayList<>();
    for (LogLine line : entriesOf(traceIdHex)) {
      result.add(line.text());
    }
    return result;
  }

  /**
   * The kept lines of the trace {@code traceIdHex} with their level, service and span id, oldest
   * first: what a trace view needs to put each line next to its span.
   */
  public List<LogLine> entriesOf(String traceIdHex) {
    if (traceIdHex == null) {
      throw new NullPointerException("traceIdHex == null");
    }
    List<LogLine> result = new ArrayList<>();
    synchronized (lines) {
      for (LogLine line : lines) {
        if (traceIdHex.equals(line.traceId())) {
          result.add(line);
        }
      }
    }
    return result;
  }

  /** Every kept line, oldest first. */
  public List<String> lines() {
    List<String> result = new ArrayList<>();
    synchronized (lines) {
      for (LogLine line : lines) {
        result.add(line.text());
      }
    }
    return result;
  }

  /** Forgets every kept line. */
  public void clear() {
    synchronized (lines) {
      lines.clear();
    }
  }

  /** The event's time in microseconds (logback keeps an {@link Instant} finer than a ms). */
  private static long epochMicros(ILoggingEvent event) {
    Instant instant = event.getInstant();
    if (instant == null) {
      return event.getTimeStamp() * 1000L;
    }
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
  }

  private static String stripLineSeparator(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }
}
