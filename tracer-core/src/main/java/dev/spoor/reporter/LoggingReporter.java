package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each finished span at INFO through SLF4J ({@code JAEGER_REPORTER_LOG_SPANS=true}), in
 * jaeger-client-java's form: {@code Span reported: traceId:spanId:parentId:flags - operation}.
 */
public final class LoggingReporter implements Reporter {
  private final Logger logger;

  /** Logs to the logger named {@code dev.spoor.reporter.LoggingReporter}. */
  public LoggingReporter() {
    this(LoggerFactory.getLogger(LoggingReporter.class));
  }

  /** Logs to {@code logger}. */
  public LoggingReporter(Logger logger) {
    if (logger == null) {
      throw new NullPointerException("logger == null");
    }
    this.logger = logger;
  }

  @Override
  public void report(FinishedSpan span) {
    if (logger.isInfoEnabled()) {
      logger.info("Span reported: {} - {}", span.context(), span.operationName());
    }
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "LoggingReporter";
  }
}
