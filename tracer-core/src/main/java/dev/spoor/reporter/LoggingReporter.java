package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import dev.spoor.internal.LibraryLogger;

/**
 * Logs each finished span at INFO ({@code JAEGER_REPORTER_LOG_SPANS=true}), in
 * jaeger-client-java's form: {@code Span reported: traceId:spanId:parentId:flags - operation}.
 * Like all of Spoor's logging it goes through {@code java.util.logging}, so the lines reach
 * logback or Log4j wherever JUL is routed there (jul-to-slf4j's {@code SLF4JBridgeHandler}).
 */
public final class LoggingReporter implements Reporter {
  private final LibraryLogger logger;

  /** Logs to the logger named {@code dev.spoor.reporter.LoggingReporter}. */
  public LoggingReporter() {
    this(LoggingReporter.class.getName());
  }

  /**
   * Logs to the logger named {@code loggerName}: a name, not a logger object, so that the reporter
   * works the same whatever backend the application logs to.
   */
  public LoggingReporter(String loggerName) {
    if (loggerName == null) {
      throw new NullPointerException("loggerName == null");
    }
    this.logger = LibraryLogger.named(loggerName);
  }

  @Override
  public void report(FinishedSpan span) {
    logger.info("Span reported: {} - {}", span.context(), span.operationName());
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "LoggingReporter";
  }
}
