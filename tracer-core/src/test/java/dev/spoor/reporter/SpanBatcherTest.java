package dev.spoor.reporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorTracer;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import io.jaegertracing.thriftjava.Batch;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The encode-pack-send-count piece on its own, over a scripted sender whose messages are decoded
 * with libthrift: message splitting, retries, 413 splits and the counter each span ends in.
 */
class SpanBatcherTest {
  private final SpoorMetrics metrics = new SpoorMetrics();

  /** Answers from a script (then SENT) and keeps every message it was given. */
  static final class ScriptedSender implements Sender {
    final Deque<SendResult> script = new ArrayDeque<>();
    final List<byte[]> messages = new ArrayList<>();
    final List<Integer> partCounts = new ArrayList<>();
    final int maxMessageBytes;
    RuntimeException failure;

    ScriptedSender(int maxMessageBytes, SendResult... answers) {
      this.maxMessageBytes = maxMessageBytes;
      script.addAll(List.of(answers));
    }

    @Override
    public Encoding encoding() {
      return Encoding.JAEGER_THRIFT_COMPACT;
    }

    @Override
    public int maxMessageBytes() {
      return maxMessageBytes;
    }

    @Override
    public SendResult send(ByteBuffer[] message) {
      int length = 0;
      for (ByteBuffer part : message) {
        length += part.remaining();
      }
      byte[] bytes = new byte[length];
      int at = 0;
      for (ByteBuffer part : message) {
        int n = part.remaining();
        part.duplicate().get(bytes, at, n);
        at += n;
      }
      messages.add(bytes);
      partCounts.add(message.length);
      if (failure != null) {
        throw failure;
      }
      SendResult answer = script.poll();
      return answer == null ? SendResult.SENT : answer;
    }

    @Override
    public void close() {}

    int spansIn(int message) {
      return AgentReceiver.decode(messages.get(message)).getSpansSize();
    }
  }

  private SpanBatcher batcher(ScriptedSender sender, int attempts) {
    return new SpanBatcher(sender, new ReporterCounters(metrics), new RetryPolicy(attempts));
  }

  private static void addAll(SpanBatcher batcher, List<FinishedSpan> spans) {
    for (FinishedSpan span : spans) {
      batcher.add(span);
    }
  }

  @Test
  void sendsAMessageWhenTheNextSpanWouldNotFitAndCountsEachSpanOnce() {
    ScriptedSender sender = new ScriptedSender(2048);
    SpanBatcher batcher = batcher(sender, 1);
    addAll(batcher, TestSpans.finished("svc", "op", 100));
    batcher.flush();

    int spans = 0;
    for (int i = 0; i < sender.messages.size(); i++) {
      assertTrue(sender.messages.get(i).length <= 2048);
      spans += sender.spansIn(i);
    }
    assertTrue(sender.messages.size() > 3);
    assertEquals(100, spans);
    assertEquals(100, metrics.get(Metric.SPANS_SENT));
    assertEquals(sender.messages.size(), metrics.get(Metric.MESSAGES_SENT));
    assertEquals(sender.messages.size(), metrics.get(Metric.DATAGRAMS_SENT));
    assertEquals(0, batcher.pending());
  }

  /** The encoded size of each span, as the sender's encoder writes it, and its frame's bound. */
  private static int[] encodedSizes(List<FinishedSpan> spans, int[] frameBound) {
    SpanEncoder probe = Encoding.JAEGER_THRIFT_COMPACT.newEncoder(1 << 16);
    frameBound[0] = probe.beginProcess(spans.get(0).process());
    int[] sizes = new int[spans.size()];
    for (int i = 0; i < sizes.length; i++) {
      int before = probe.spans().size();
      assertEquals(SpanEncoder.Fit.WHOLE, probe.encode(spans.get(i), 65000));
      sizes[i] = probe.spans().size() - before;
    }
    return sizes;
  }

  @Test
  void aMessageTakesEverySpanThatFitsItsLimitToTheByteAndNoMore() {
    List<FinishedSpan> spans = TestSpans.finished("svc", "op", 5);
    int[] frame = new int[1];
    int[] sizes = encodedSizes(spans, frame);
    int fourSpans = frame[0] + sizes[0] + sizes[1] + sizes[2] + sizes[3];

    ScriptedSender exact = new ScriptedSender(fourSpans);
    SpanBatcher batcher = batcher(exact, 1);
    addAll(batcher, spans);
    assertEquals(1, exact.messages.size(), "the fifth span does not fit: the four go");
    assertEquals(4, exact.spansIn(0));
    assertEquals(1, batcher.pending());
    assertTrue(exact.messages.get(0).length <= fourSpans);

    ScriptedSender oneByteLess = new ScriptedSender(fourSpans - 1);
    SpanBatcher tight = batcher(oneByteLess, 1);
    addAll(tight, spans.subList(0, 4));
    assertEquals(1, oneByteLess.messages.size(), "the fourth span does not fit: three go");
    assertEquals(3, oneByteLess.spansIn(0));
    assertEquals(1, tight.pending());
  }

  @Test
  void aSpanTooLargeEvenShrunkIsDroppedAsTooLargeAndItsNeighboursAreSent() {
    InMemoryReporter memory = new InMemoryReporter();
    try (SpoorTracer tracer = SpoorTracer.builder("svc").reporter(memory).build()) {
      tracer.buildSpan("before").start().finish();
      tracer.buildSpan("x".repeat(5000)).withTag("big", "y".repeat(3000)).start().finish();
      tracer.buildSpan("after").start().finish();
    }
    ScriptedSender sender = new ScriptedSender(1024);
    SpanBatcher batcher = batcher(sender, 1);
    addAll(batcher, memory.spans());
    batcher.flush();

    assertEquals(1, metrics.get(Metric.SPANS_DROPPED_TOO_LARGE));
    assertEquals(0, metrics.get(Metric.SPANS_DROPPED_SEND_FAILED));
    assertEquals(2, metrics.get(Metric.SPANS_SENT));
    assertEquals(1, sender.messages.size());
    Batch batch = AgentReceiver.decode(sender.messages.get(0));
    assertEquals("before", batch.getSpans().get(0).getOperationName());
    assertEquals("after", batch.getSpans().get(1).getOperationName());
    assertTrue(sender.messages.get(0).length <= 1024);
  }

  @Test
  void handsTheAgentEachDatagramAsOneRunOfTheSpanBuffer() {
    ScriptedSender sender = new ScriptedSender(2048);
    SpanBatcher batcher = batcher(sender, 1);
    addAll(batcher, TestSpans.finished("svc", "op", 40));
    batcher.flush();
    addAll(batcher, TestSpans.finished("other", "op", 3));
    batcher.flush();

    // One part per datagram, so UdpSender sends it from where it was encoded, without a copy;
    // every one decodes whole, though each header was written over the room before its spans
    // and each suffix over the first bytes of the span after them.
    int spans = 0;
    for (int i = 0; i < sender.messages.size(); i++) {
      assertEquals(1, sender.partCounts.get(i));
      spans += sender.spansIn(i);
    }
    assertTrue(sender.messages.size() > 2);
    assertEquals(43, spans);
    assertEquals("other", AgentReceiver.decode(sender.messages.get(sender.messages.size() - 1))
        .getProcess().getServiceName());
  }

  @Test
  void startsANewMessageForSpansOfAnotherProcess() {
    ScriptedSender sender = new ScriptedSender(65000);
    SpanBatcher batcher = batcher(sender, 1);
    addAll(batcher, TestSpans.finished("first", "op", 2));
    addAll(batcher, TestSpans.finished("second", "op", 3));
    batcher.flush();

    assertEquals(2, sender.messages.size());
    Batch first = AgentReceiver.decode(sender.messages.get(0));
    Batch second = AgentReceiver.decode(sender.messages.get(1));
    assertEquals("first", first.getProcess().getServiceName());
    assertEquals(2, first.getSpansSize());
    assertEquals("second", second.getProcess().getServiceName());
    assertEquals(3, second.getSpansSize());
  }

  @Test
  void retriesARetryableFailureUpToTheAttemptsThenCountsTheSpansAsFailed() {
    ScriptedSender sender = new ScriptedSender(65000, SendResult.retryable("503", 0),
        SendResult.retryable("503", 0), SendResult.retryable("503", 0));
    SpanBatcher batcher = batcher(sender, 3);
    addAll(batcher, TestSpans.finished("svc", "op", 4));
    batcher.flush();

    assertEquals(3, sender.messages.size());
    assertEquals(4, metrics.get(Metric.SPANS_DROPPED_SEND_FAILED));
    assertEquals(3, metrics.get(Metric.SEND_FAILURES));
    assertEquals(2, metrics.get(Metric.SEND_RETRIES));
    assertEquals(0, metrics.get(Metric.SPANS_SENT));
  }

  @Test
  void neitherRetriesAFailedNorARejectedMessage() {
    ScriptedSender sender = new ScriptedSender(65000, SendResult.failed("socket"),
        SendResult.rejected("HTTP 400"));
    SpanBatcher batcher = batcher(sender, 5);
    addAll(batcher, TestSpans.finished("svc", "op", 2));
    batcher.flush();
    addAll(batcher, TestSpans.finished("svc2", "op", 3));
    batcher.flush();

    assertEquals(2, sender.messages.size());
    assertEquals(2, metrics.get(Metric.SPANS_DROPPED_SEND_FAILED));
    assertEquals(3, metrics.get(Metric.SPANS_DROPPED_REJECTED));
    assertEquals(0, metrics.get(Metric.SEND_RETRIES));
  }

  @Test
  void splitsATooLargeMessageDownToSingleSpansAndKeepsLaterMessagesSmaller() {
    ScriptedSender sender = new ScriptedSender(65000, SendResult.tooLarge("413"),
        SendResult.tooLarge("413"), SendResult.SENT, SendResult.tooLarge("413"));
    SpanBatcher batcher = batcher(sender, 1);
    addAll(batcher, TestSpans.finished("svc", "op", 4));
    batcher.flush();

    // [4] refused, [2] refused, [1] sent, [1] refused and dropped, [2] sent.
    assertEquals(List.of(4, 2, 1, 1, 2), List.of(sender.spansIn(0), sender.spansIn(1),
        sender.spansIn(2), sender.spansIn(3), sender.spansIn(4)));
    assertEquals(3, metrics.get(Metric.SPANS_SENT));
    assertEquals(1, metrics.get(Metric.SPANS_DROPPED_TOO_LARGE));

    int refused = sender.messages.get(0).length;
    sender.messages.clear();
    addAll(batcher, TestSpans.finished("svc", "op", 400));
    batcher.flush();
    for (byte[] message : sender.messages) {
      assertTrue(message.length <= Math.max(SpanBatcher.MIN_MESSAGE_BYTES, refused / 2),
          message.length + " bytes");
    }
  }

  @Test
  void aSenderThatThrowsLosesItsMessageAndNothingElse() {
    ScriptedSender sender = new ScriptedSender(65000);
    sender.failure = new IllegalStateException("broken sender");
    SpanBatcher batcher = batcher(sender, 3);
    addAll(batcher, TestSpans.finished("svc", "op", 5));
    batcher.flush();
    sender.failure = null;
    addAll(batcher, TestSpans.finished("svc", "op", 2));
    batcher.flush();

    assertEquals(5, metrics.get(Metric.SPANS_DROPPED_SEND_FAILED));
    assertEquals(2, metrics.get(Metric.SPANS_SENT));
  }

  @Test
  void attemptsNothingPastTheCloseDeadline() {
    ScriptedSender sender = new ScriptedSender(65000);
    RetryPolicy retries = new RetryPolicy(5);
    SpanBatcher batcher = new SpanBatcher(sender, new ReporterCounters(metrics), retries);
    addAll(batcher, TestSpans.finished("svc", "op", 3));
    retries.closeBy(System.nanoTime() - 1);
    batcher.flush();

    assertEquals(0, sender.messages.size());
    assertEquals(3, metrics.get(Metric.SPANS_DROPPED_SEND_FAILED));
  }

  @Test
  void aRetryThatWouldEndPastTheDeadlineIsNotWaitedFor() {
    RetryPolicy retries = new RetryPolicy(5);
    retries.closeBy(System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(50));
    long start = System.nanoTime();
    assertFalse(retries.awaitRetry(1, 5_000));
    assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(4));
    RetryPolicy open = new RetryPolicy(5);
    assertTrue(open.awaitRetry(1, 0));
  }

  @Test
  void backsOffExponentiallyWithJitterUpToTheCap() {
    for (int i = 0; i < 100; i++) {
      long first = RetryPolicy.delayMillis(1, -1);
      long third = RetryPolicy.delayMillis(3, -1);
      long late = RetryPolicy.delayMillis(30, -1);
      assertTrue(first >= 50 && first <= 100, () -> "first " + first);
      assertTrue(third >= 200 && third <= 400, () -> "third " + third);
      assertTrue(late >= 2500 && late <= 5000, () -> "late " + late);
    }
    assertEquals(700, RetryPolicy.delayMillis(1, 700), "the backend's Retry-After");
  }
}
