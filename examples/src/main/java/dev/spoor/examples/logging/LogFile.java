package dev.spoor.examples.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Adds a logfmt log file to the root logger at run time, for promtail to ship to Loki. The demo
 * calls it only when asked for a file ({@code --log-file} or {@code SPOOR_DEMO_LOG_FILE}), so the
 * default run leaves nothing on disk.
 */
public final class LogFile {
  /** Name of the appender this class adds. */
  public static final String APPENDER_NAME = "LOGFMT_FILE";

  private LogFile() {}

  /**
   * Appends every log line, in logfmt, to {@code file} (created with its parent directories).
   *
   * @throws IllegalStateException when logback is not the SLF4J binding
   */
  public static void attach(Path file) {
    if (file == null) {
      throw new NullPointerException("file == null");
    }
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      throw new IllegalStateException("logback is not the SLF4J binding");
    }
    LogfmtLayout layout = new LogfmtLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER_NAME);
    appender.setFile(file.toAbsolutePath().toString());
    appender.setAppend(true);
    appender.setPrudent(false);
    appender.setEncoder(encoder);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
  }

  /** Stops and removes the file appender added by {@link #attach}, if any. */
  public static void detach() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      Appender<ILoggingEvent> appender = root.getAppender(APPENDER_NAME);
      if (appender != null) {
        root.detachAppender(appender);
        appender.stop();
      }
    }
  }
}
