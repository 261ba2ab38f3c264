package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import dev.spoor.internal.LibraryLogger;
import dev.spoor.metrics.SpoorMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Hands each span to several reporters in order, e.g. the UDP reporter and the logging reporter.
 * A reporter that throws does not stop the others.
 */
public final class CompositeReporter implements Reporter {
  private static final LibraryLogger LOG = LibraryLogger.of(CompositeReporter.class);
  private final Reporter[] reporters;

  /** @param reporters the delegates, none null */
  public CompositeReporter(Reporter... reporters) {
    if (reporters == null) {
      throw new NullPointerException("reporters == null");
    }
    for (int i = 0; i < reporters.length; i++) {
      if (reporters[i] == null) {
        throw new NullPointerException("reporters[" + i + "] == null");
      }
    }
    this.reporters = reporters.clone();
  }

  /** The delegates, in order. */
  public List<Reporter> reporters() {
    return Arrays.asList(reporters.clone());
  }

  /** The delegates' counters, in order, each set once (two delegates may share one). */
  @Override
  public List<SpoorMetrics> counters() {
    List<SpoorMetrics> all = new ArrayList<>();
    for (Reporter reporter : reporters) {
      for (SpoorMetrics metrics : reporter.counters()) {
        if (!containsSame(all, metrics)) {
          all.add(metrics);
        }
      }
    }
    return Collections.unmodifiableList(all);
  }

  private static boolean containsSame(List<SpoorMetrics> list, SpoorMetrics metrics) {
    for (SpoorMetrics present : list) {
      if (present == metrics) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void report(FinishedSpan span) {
    for (Reporter reporter : reporters) {
      try {
        reporter.report(span);
      } catch (RuntimeException e) {
        LOG.debug("Reporter {} failed", reporter, e);
      }
    }
  }

  @Override
  public void close() {
    for (Reporter reporter : reporters) {
      try {
        reporter.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing reporter {} failed", reporter, e);
      }
    }
  }

  @Override
  public String toString() {
    return "CompositeReporter" + Arrays.toString(reporters);
  }
}
