package dev.spoor.examples.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the events of loggers under a name prefix away from an appender. The demo's console uses
 * it so that the shop's own warnings, which the demo prints under each trace, are not printed a
 * second time between the waterfalls, while the library's warnings still are.
 */
public final class LoggerPrefixFilter extends Filter<ILoggingEvent> {
  private String prefix = "";

  /** Creates the filter; logback calls this when it reads the configuration. */
  public LoggerPrefixFilter() {}

  /** The logger name prefix to deny, e.g. {@code dev.spoor.examples.shop}. */
  public void setPrefix(String prefix) {
    this.prefix = prefix == null ? "" : prefix;
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    return !prefix.isEmpty() && event.getLoggerName().startsWith(prefix)
        ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
