package dev.spoor.it.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * logback's {@link ListAppender}, except that each event's MDC is copied when it is appended:
 * logback reads an event's MDC lazily, so a test reading it after the scope closed would see the
 * MDC of that later moment.
 */
public class RecordingAppender extends ListAppender<ILoggingEvent> {
  @Override
  protected void append(ILoggingEvent event) {
    event.prepareForDeferredProcessing();
    super.append(event);
  }
}
