package dev.spoor.examples.waterfall;

import java.util.Arrays;

/**
 * Maps span times onto a fixed number of character columns spanning the whole trace. Every bar is
 * at least one column wide and stays inside the axis, so zero durations and spans skewed outside
 * their parent (clocks of different hosts) still draw.
 */
final class TimeAxis {
  private final long startMicros;
  private final long totalMicros;
  private final int width;

  TimeAxis(long startMicros, long totalMicros, int width) {
    this.startMicros = startMicros;
    this.totalMicros = Math.max(0L, totalMicros);
    this.width = width;
  }

  /** The bar for a span: {@code fill} over its columns, spaces elsewhere, {@code width} long. */
  String bar(long spanStartMicros, long durationMicros, char fill) {
    int from;
    int to;
    if (totalMicros == 0L) {
      from = 0;
      to = 1;
    } else {
      long offset = spanStartMicros - startMicros;
      long end = offset + Math.max(0L, durationMicros);
      from = (int) clamp(Math.floorDiv(offset * width, totalMicros), 0, width - 1);
      to = (int) clamp(ceilDiv(end * width, totalMicros), from + 1, width);
    }
    char[] columns = new char[width];
    Arrays.fill(columns, ' ');
    Arrays.fill(columns, from, to, fill);
    return new String(columns);
  }

  private static long ceilDiv(long x, long y) {
    return -Math.floorDiv(-x, y);
  }

  private static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }
}
