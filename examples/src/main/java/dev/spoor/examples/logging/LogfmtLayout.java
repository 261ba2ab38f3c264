package dev.spoor.examples.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.Map;

/**
 * Formats a logback event as one logfmt line:
 * {@code ts=2026-11-27T03:31:27.123Z level=INFO service=shop-gateway traceID=… spanID=…
 * logger=CartHandler msg="reserved 3 items"}.
 *
 * <p>{@code service}, {@code traceID} and {@code spanID} come from the MDC and are left out when
 * absent, so lines written outside a span stay valid. Values are quoted when they hold a space, a
 * quote or an equals sign, and quotes, backslashes and line breaks are escaped, so that a message
 * never breaks a line apart. A throwable is appended as {@code error="<class>: <message>"}.
 * Logback builds this class from {@code logback.xml}; it keeps no state between events.
 */
public final class LogfmtLayout extends LayoutBase<ILoggingEvent> {
  /** MDC key of the active trace id; the demo's tracers write it (Loki derived field). */
  public static final String TRACE_ID_KEY = "traceID";
  /** MDC key of the active span id; the demo's tracers write it. */
  public static final String SPAN_ID_KEY = "spanID";
  /** MDC key of the service name; {@link ServiceThreadFactory} sets it on a service's threads. */
  public static final String SERVICE_KEY = "service";

  /** Creates the layout; logback calls this when it reads the configuration. */
  public LogfmtLayout() {}

  /** The event as one logfmt line ending with the platform line separator. */
  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(160);
    line.append("ts=").append(Instant.ofEpochMilli(event.getTimeStamp()));
    line.append(" level=").append(event.getLevel());
    Map<String, String> mdc = event.getMDCPropertyMap();
    appendIfPresent(line, SERVICE_KEY, mdc.get(SERVICE_KEY));
    appendIfPresent(line, TRACE_ID_KEY, mdc.get(TRACE_ID_KEY));
    appendIfPresent(line, SPAN_ID_KEY, mdc.get(SPAN_ID_KEY));
    line.append(" logger=");
    appendValue(line, shortName(event.getLoggerName()));
    line.append(" msg=");
    appendQuoted(line, event.getFormattedMessage());
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable != null) {
      line.append(" error=");
      appendQuoted(line, throwable.getClassName() + ": " + throwable.getMessage());
    }
    return line.append(CoreConstants.LINE_SEPARATOR).toString();
  }

  private static void appendIfPresent(StringBuilder line, String key, String value) {
    if (value != null && !value.isEmpty()) {
      line.append(' ').append(key).append('=');
      appendValue(line, value);
    }
  }

  /** logfmt: bare when the value is a simple token, quoted otherwise. */
  static void appendValue(StringBuilder line, String value) {
    if (value.isEmpty() || needsQuotes(value)) {
      appendQuoted(line, value);
    } else {
      line.append(value);
    }
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c == '=' || c == '"' || c == '\\') {
        return true;
      }
    }
    return false;
  }

  static void appendQuoted(StringBuilder line, String value) {
    line.append('"');
    String text = value == null ? "" : value;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> line.append(c);
      }
    }
    line.append('"');
  }

  private static String shortName(String loggerName) {
    int dot = loggerName.lastIndexOf('.');
    return dot < 0 ? loggerName : loggerName.substring(dot + 1);
  }
}
