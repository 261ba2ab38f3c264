package dev.spoor;

import dev.spoor.internal.LibraryLogger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what one of Spoor's {@code java.util.logging} loggers writes, at INFO and above, until
 * closed. Spoor formats its messages itself, so a record's message is the line as written.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final Level previousLevel;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (isLoggable(record)) {
        records.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  public LogCapture(String loggerName) {
    this.logger = Logger.getLogger(loggerName);
    this.previousLevel = logger.getLevel();
    handler.setLevel(Level.INFO);
    logger.addHandler(handler);
    logger.setLevel(Level.INFO);
  }

  /** Captures the logger that {@code logger} writes to. */
  public LogCapture(LibraryLogger logger) {
    this(logger.name());
  }

  /** The messages logged so far, in order. */
  public List<String> messages() {
    List<String> messages = new ArrayList<>();
    for (LogRecord record : records) {
      messages.add(record.getMessage());
    }
    return messages;
  }

  /** The messages logged at WARNING and above so far, in order. */
  public List<String> warnings() {
    List<String> messages = new ArrayList<>();
    for (LogRecord record : records) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        messages.add(record.getMessage());
      }
    }
    return messages;
  }

  /** The records logged so far. */
  public List<LogRecord> events() {
    return new ArrayList<>(records);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previousLevel);
  }
}
