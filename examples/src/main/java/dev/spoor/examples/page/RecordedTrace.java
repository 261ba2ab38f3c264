package dev.spoor.examples.page;

import dev.spoor.examples.agent.AssembledTrace;
import dev.spoor.examples.logging.LogLine;
import java.util.List;

/**
 * A trace as the agent assembled it, with the log lines written while its spans were active: what
 * the page shows side by side.
 *
 * @param trace the decoded spans
 * @param logLines the trace's log lines, oldest first (copied)
 */
public record RecordedTrace(AssembledTrace trace, List<LogLine> logLines) {
  /** Checks and copies the values. */
  public RecordedTrace {
    if (trace == null) {
      throw new NullPointerException("trace == null");
    }
    if (logLines == null) {
      throw new NullPointerException("logLines == null");
    }
    logLines = List.copyOf(logLines);
  }
}
