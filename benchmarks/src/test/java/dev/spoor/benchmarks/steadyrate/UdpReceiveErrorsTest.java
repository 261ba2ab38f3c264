package dev.spoor.benchmarks.steadyrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdpReceiveErrorsTest {

  @Test
  void readsTheRcvbufErrorsColumnOfTheUdpRows() {
    List<String> snmp = List.of(
        "Tcp: RtoAlgorithm RtoMin RtoMax",
        "Tcp: 1 200 120000",
        "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors",
        "Udp: 56582 8899 4759 70249 4751 0",
        "UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors",
        "UdpLite: 0 0 0 0 9 0");

    assertEquals(4751, UdpReceiveErrors.parse(snmp));
  }

  @Test
  void answersMinusOneWithoutTheColumn() {
    assertEquals(-1, UdpReceiveErrors.parse(List.of("Udp: InDatagrams", "Udp: 1")));
    assertEquals(-1, UdpReceiveErrors.parse(List.of()));
  }

  @Test
  void readsThisMachinesCounterWhereTheKernelHasOne() {
    long now = UdpReceiveErrors.now();
    if (Files.exists(Path.of("/proc/net/snmp"))) {
      assertTrue(now >= 0, () -> "RcvbufErrors " + now);
    } else {
      assertEquals(-1, now);
    }
  }
}
