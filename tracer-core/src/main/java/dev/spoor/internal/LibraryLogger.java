package dev.spoor.internal;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Spoor's own log lines, written through {@code java.util.logging} so that the library never
 * chooses the application's logging backend or its SLF4J version. Messages use SLF4J's {@code {}}
 * placeholders; a {@link Throwable} as the last argument is logged as the record's exception (with
 * its stack trace) and fills no placeholder. Nothing is formatted, and no record is made, unless
 * the level is enabled: pass the objects to describe, not strings built for the message.
 *
 * <p>The logger is named after the class given to {@link #of}, so that users configure Spoor's
 * loggers by class name whatever backend JUL is routed to (jul-to-slf4j's {@code
 * SLF4JBridgeHandler} keeps the name). Levels: debug is {@link Level#FINE}, info {@link
 * Level#INFO}, warn {@link Level#WARNING}, error {@link Level#SEVERE}. Not API.
 */
public final class LibraryLogger {
  private final Logger logger;

  private LibraryLogger(Logger logger) {
    this.logger = logger;
  }

  /** The logger named after {@code source}'s fully qualified name. */
  public static LibraryLogger of(Class<?> source) {
    return named(source.getName());
  }

  /** The logger named {@code name}. */
  public static LibraryLogger named(String name) {
    if (name == null) {
      throw new NullPointerException("name == null");
    }
    return new LibraryLogger(Logger.getLogger(name));
  }

  /** The logger's name, as configured in JUL (or in the backend JUL is routed to). */
  public String name() {
    return logger.getName();
  }

  /** Whether a debug line would be written: guard costly arguments with it. */
  public boolean isDebugEnabled() {
    return logger.isLoggable(Level.FINE);
  }

  /** Whether an info line would be written. */
  public boolean isInfoEnabled() {
    return logger.isLoggable(Level.INFO);
  }

  /** Whether a warning would be written. */
  public boolean isWarnEnabled() {
    return logger.isLoggable(Level.WARNING);
  }

  /** Logs {@code message} at debug ({@link Level#FINE}). */
  public void debug(String message, Object arg1, Object arg2) {
    if (logger.isLoggable(Level.FINE)) {
      write(Level.FINE, message, new Object[] {arg1, arg2});
    }
  }

  /** Logs {@code message} at info. */
  public void info(String message, Object arg) {
    if (logger.isLoggable(Level.INFO)) {
      write(Level.INFO, message, new Object[] {arg});
    }
  }

  /** Logs {@code message} at info. */
  public void info(String message, Object arg1, Object arg2) {
    if (logger.isLoggable(Level.INFO)) {
      write(Level.INFO, message, new Object[] {arg1, arg2});
    }
  }

  /** Logs {@code message} at info; the array is made even when info is off. */
  public void info(String message, Object... args) {
    if (logger.isLoggable(Level.INFO)) {
      write(Level.INFO, message, args);
    }
  }

  /** Logs {@code message} at warn ({@link Level#WARNING}). */
  public void warn(String message) {
    if (logger.isLoggable(Level.WARNING)) {
      write(Level.WARNING, message, new Object[0]);
    }
  }

  /** Logs {@code message} at warn ({@link Level#WARNING}). */
  public void warn(String message, Object arg) {
    if (logger.isLoggable(Level.WARNING)) {
      write(Level.WARNING, message, new Object[] {arg});
    }
  }

  /** Logs {@code message} at warn ({@link Level#WARNING}). */
  public void warn(String message, Object arg1, Object arg2) {
    if (logger.isLoggable(Level.WARNING)) {
      write(Level.WARNING, message, new Object[] {arg1, arg2});
    }
  }

  /** Logs {@code message} at warn; the array is made even when warn is off. */
  public void warn(String message, Object... args) {
    if (logger.isLoggable(Level.WARNING)) {
      write(Level.WARNING, message, args);
    }
  }

  /** Logs {@code message} at error ({@link Level#SEVERE}). */
  public void error(String message, Object arg) {
    if (logger.isLoggable(Level.SEVERE)) {
      write(Level.SEVERE, message, new Object[] {arg});
    }
  }

  /** Logs {@code message} at error ({@link Level#SEVERE}). */
  public void error(String message, Object arg1, Object arg2) {
    if (logger.isLoggable(Level.SEVERE)) {
      write(Level.SEVERE, message, new Object[] {arg1, arg2});
    }
  }

  private void write(Level level, String message, Object[] args) {
    int n = args.length;
    Throwable thrown = n > 0 && args[n - 1] instanceof Throwable ? (Throwable) args[n - 1] : null;
    LogRecord record = new LogRecord(level, format(message, args, thrown != null ? n - 1 : n));
    record.setLoggerName(logger.getName());
    // Named explicitly so JUL does not walk the stack to guess the caller (it would find this
    // class); the method is unknown, which formatters print as nothing.
    record.setSourceClassName(logger.getName());
    record.setSourceMethodName(null);
    record.setThrown(thrown);
    logger.log(record);
  }

  /**
   * {@code message} with each {@code {}} replaced by the next of the first {@code count} arguments
   * ({@code String.valueOf}); placeholders beyond them stay as written, extra arguments are
   * ignored. Package-private for tests.
   */
  static String format(String message, Object[] args, int count) {
    if (message == null) {
      return "null";
    }
    if (count == 0) {
      return message;
    }
    StringBuilder out = new StringBuilder(message.length() + 16 * count);
    int from = 0;
    int used = 0;
    while (used < count) {
      int at = message.indexOf("{}", from);
      if (at < 0) {
        break;
      }
      out.append(message, from, at).append(describe(args[used++]));
      from = at + 2;
    }
    return out.append(message, from, message.length()).toString();
  }

  // A toString that throws must not turn a log line into a failure of the caller.
  private static String describe(Object arg) {
    try {
      return String.valueOf(arg);
    } catch (RuntimeException e) {
      return "[" + arg.getClass().getName() + ".toString() threw " + e + "]";
    }
  }
}
