package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The UDP transport alone, against real sockets on 127.0.0.1. */
class UdpSenderTest {
  @Test
  void sendsThePartsAsOneDatagram() throws Exception {
    try (DatagramSocket agent = new DatagramSocket(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        UdpSender sender = UdpSender.builder().agentHost("127.0.0.1")
            .agentPort(agent.getLocalPort()).build()) {
      agent.setSoTimeout(20_000);
      byte[] middle = {9, 9, 3, 4, 9};
      SendResult result = sender.send(new ByteBuffer[] {ByteBuffer.wrap(new byte[] {1, 2}),
          ByteBuffer.wrap(middle, 2, 2), ByteBuffer.wrap(new byte[] {5})});

      assertEquals(SendResult.Status.SENT, result.status());
      DatagramPacket packet = new DatagramPacket(new byte[16], 16);
      agent.receive(packet);
      assertArrayEquals(new byte[] {1, 2, 3, 4, 5},
          java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
      assertEquals(Encoding.JAEGER_THRIFT_COMPACT, sender.encoding());
    }
  }

  @Test
  void sendsAOnePartMessageFromTheMiddleOfItsArray() throws Exception {
    try (DatagramSocket agent = new DatagramSocket(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        UdpSender sender = UdpSender.builder().agentHost("127.0.0.1")
            .agentPort(agent.getLocalPort()).build()) {
      agent.setSoTimeout(20_000);
      byte[] buffer = {9, 9, 1, 2, 3, 9};
      assertEquals(SendResult.Status.SENT,
          sender.send(new ByteBuffer[] {ByteBuffer.wrap(buffer, 2, 3)}).status());
      buffer[3] = 7; // the sender is done with the array once send returns
      assertEquals(SendResult.Status.SENT,
          sender.send(new ByteBuffer[] {ByteBuffer.wrap(buffer, 3, 1)}).status());

      DatagramPacket packet = new DatagramPacket(new byte[16], 16);
      agent.receive(packet);
      assertArrayEquals(new byte[] {1, 2, 3},
          java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
      agent.receive(packet);
      assertArrayEquals(new byte[] {7},
          java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
    }
  }

  @Test
  void anUnresolvableHostFailsWithoutThrowing() {
    try (UdpSender sender = UdpSender.builder().agentHost("no-such-host.invalid").build()) {
      SendResult result = sender.send(new ByteBuffer[] {ByteBuffer.wrap(new byte[] {1})});
      assertEquals(SendResult.Status.FAILED, result.status());
      assertTrue(result.detail().contains("no-such-host.invalid"), result.detail());
    }
  }

  @Test
  void reportsAClosedPortAsFailedAndSendsAgainOnceAnAgentListens() throws Exception {
    int port = AgentReceiver.freePort();
    try (UdpSender sender = UdpSender.builder().agentHost("127.0.0.1").agentPort(port).build()) {
      ByteBuffer[] datagram = {ByteBuffer.wrap(new byte[] {7})};
      // The kernel reports the ICMP port unreachable on a later send of the connected socket.
      AgentReceiver.awaitTrue(() -> sender.send(datagram).status() == SendResult.Status.FAILED,
          () -> "no failure reported for a closed port");
      try (DatagramSocket agent = new DatagramSocket(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
        agent.setSoTimeout(20_000);
        assertEquals(SendResult.Status.SENT, sender.send(datagram).status());
        DatagramPacket packet = new DatagramPacket(new byte[4], 4);
        agent.receive(packet);
        assertEquals(7, packet.getData()[0]);
      }
    }
  }

  @Test
  void sendsTheLargestIpv4DatagramWholeAndFailsOneByteMoreWithoutThrowing() throws Exception {
    try (DatagramSocket agent = new DatagramSocket(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        UdpSender sender = UdpSender.builder().agentHost("127.0.0.1")
            .agentPort(agent.getLocalPort()).maxPacketSize(65507).build()) {
      agent.setSoTimeout(20_000);
      agent.setReceiveBufferSize(1 << 20);
      byte[] largest = new byte[65507];
      largest[0] = 1;
      largest[65506] = 2;
      assertEquals(SendResult.Status.SENT, sender.send(new ByteBuffer[] {
          ByteBuffer.wrap(largest, 0, 30000), ByteBuffer.wrap(largest, 30000, 35507)}).status());
      DatagramPacket packet = new DatagramPacket(new byte[70000], 70000);
      agent.receive(packet);
      assertEquals(65507, packet.getLength());
      assertEquals(1, packet.getData()[0]);
      assertEquals(2, packet.getData()[65506]);

      SendResult tooLarge = sender.send(new ByteBuffer[] {ByteBuffer.wrap(new byte[65508])});
      assertEquals(SendResult.Status.FAILED, tooLarge.status(), tooLarge.toString());
      assertEquals(SendResult.Status.SENT,
          sender.send(new ByteBuffer[] {ByteBuffer.wrap(new byte[] {3})}).status());
      agent.receive(packet);
      assertEquals(1, packet.getLength());
      assertEquals(3, packet.getData()[0]);
    }
  }

  @Test
  void aSendAfterCloseOpensANewSocket() throws Exception {
    try (DatagramSocket agent = new DatagramSocket(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        UdpSender sender = UdpSender.builder().agentHost("127.0.0.1")
            .agentPort(agent.getLocalPort()).build()) {
      agent.setSoTimeout(20_000);
      ByteBuffer[] datagram = {ByteBuffer.wrap(new byte[] {5})};
      assertEquals(SendResult.Status.SENT, sender.send(datagram).status());
      sender.close();
      assertEquals(SendResult.Status.SENT, sender.send(datagram).status());
      DatagramPacket packet = new DatagramPacket(new byte[4], 4);
      agent.receive(packet);
      agent.receive(packet);
      assertEquals(5, packet.getData()[0]);
    }
  }

  @Test
  void everySpanSentToAClosedPortIsCountedAsSentOrAsASendFailure() throws Exception {
    SpoorMetrics metrics = new SpoorMetrics();
    FinishedSpan span = TestSpans.finished("udp", "op", 1).get(0);
    try (UdpSender sender = UdpSender.builder().agentHost("127.0.0.1")
        .agentPort(AgentReceiver.freePort()).build()) {
      SpanBatcher batcher = SpanBatcher.create(sender, metrics);
      int[] added = {0};
      // The first datagram leaves; the kernel reports the port unreachable on a later send.
      AgentReceiver.awaitTrue(() -> {
        batcher.add(span);
        batcher.flush();
        added[0]++;
        return metrics.get(Metric.SEND_FAILURES) > 0;
      }, () -> "no send failure counted");
      long failed = metrics.get(Metric.SPANS_DROPPED_SEND_FAILED);
      assertEquals(added[0], metrics.get(Metric.SPANS_SENT) + failed);
      assertEquals(metrics.get(Metric.SEND_FAILURES), failed, "one span per failed datagram");
      assertEquals(0, metrics.get(Metric.SEND_RETRIES), "a datagram is not retried");
    }
  }

  @Test
  void checksItsSettings() {
    assertThrows(IllegalArgumentException.class, () -> UdpSender.builder().agentPort(0));
    assertThrows(IllegalArgumentException.class, () -> UdpSender.builder().maxPacketSize(65508));
    assertThrows(IllegalArgumentException.class, () -> UdpSender.builder().maxPacketSize(1023));
    assertThrows(IllegalArgumentException.class, () -> UdpSender.builder().agentHost(" "));
    assertThrows(NullPointerException.class, () -> UdpSender.builder().agentHost(null));
    assertEquals(65000, UdpSender.builder().build().maxMessageBytes());
    assertEquals("UdpSender{agent=localhost:6831, maxPacketSize=65000}",
        UdpSender.builder().build().toString());
  }
}
