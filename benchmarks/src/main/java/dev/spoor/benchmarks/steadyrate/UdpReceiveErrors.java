package dev.spoor.benchmarks.steadyrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's count of UDP datagrams dropped because a socket's receive buffer was full
 * ({@code RcvbufErrors} in {@code /proc/net/snmp}), for the whole network namespace: read around
 * a case, it tells a datagram the receiver never saw (its fault, or another process's) from a span
 * the tracer never sent. -1 where the file is missing or unreadable.
 */
final class UdpReceiveErrors {
  private static final Path SNMP = Path.of("/proc/net/snmp");

  private UdpReceiveErrors() {}

  static long now() {
    try {
      return parse(Files.readAllLines(SNMP));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The {@code RcvbufErrors} column of the {@code Udp:} rows: a header row, then a value row. */
  static long parse(List<String> snmp) {
    String[] header = null;
    for (String line : snmp) {
      if (!line.startsWith("Udp:")) {
        continue;
      }
      String[] fields = line.trim().split("\\s+");
      if (header == null) {
        header = fields;
        continue;
      }
      for (int i = 1; i < header.length && i < fields.length; i++) {
        if (header[i].equals("RcvbufErrors")) {
          return Long.parseLong(fields[i]);
        }
      }
      return -1;
    }
    return -1;
  }
}
