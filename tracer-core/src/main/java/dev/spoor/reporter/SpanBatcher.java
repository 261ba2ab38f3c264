package dev.spoor.reporter;

import dev.spoor.FinishedSpan;
import dev.spoor.SpoorProcess;
import dev.spoor.internal.LibraryLogger;
import dev.spoor.internal.RateLimitedLogger;
import dev.spoor.metrics.SpoorMetrics;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Encodes finished spans in a {@link Sender}'s wire format, packs them into messages of at most
 * its {@link Sender#maxMessageBytes()} and sends each message when the next span would not fit,
 * or on {@link #flush()}: the work {@link RemoteReporter}'s thread does, usable on any one thread
 * (e.g. a benchmark or a batch job that sends synchronously).
 *
 * <p>Each span is encoded once, straight after the previous one in a reused buffer, so batching
 * allocates nothing per span; the first span of a message starts after the room its encoder
 * reserves for a header written in front of the spans (the agent's datagram is sent where it
 * was encoded). Spans of another process start a new message, since a message has
 * one process. A retryable failure is retried with exponential backoff and jitter (or the delay
 * the backend asks for, capped), at most {@value RetryPolicy#DEFAULT_MAX_ATTEMPTS} attempts by
 * default and never past the close deadline; a message the backend finds too large is split in
 * two, each half framed and sent on its own, and later messages are kept to half its size.
 *
 * <p>Every span added ends in exactly one counter of the given {@link SpoorMetrics}: sent, or
 * dropped as too large, send failed or rejected. Not thread-safe.
 */
public final class SpanBatcher {
  /** Key of the tag added to a span shrunk to fit a message: what was dropped or shortened. */
  public static final String TRUNCATED_TAG = SpanEncoder.TRUNCATED_TAG;
  /** The span buffer starts this large and grows, for senders that take large messages. */
  private static final int INITIAL_BUFFER = 64 * 1024;
  /** A backend's 413 never brings messages below this size. */
  static final int MIN_MESSAGE_BYTES = 1024;

  private final RateLimitedLogger warnings = new RateLimitedLogger(
      LibraryLogger.of(SpanBatcher.class), RemoteReporter.WARN_INTERVAL_MILLIS,
      TimeUnit.MILLISECONDS);
  private final Sender sender;
  private final ReporterCounters counters;
  private final RetryPolicy retries;
  private final boolean datagrams;
  private final SpanEncoder encoder;
  private final WireBuffer spans;
  private final int workingCapacity;
  private int maxMessageBytes;
  private SpoorProcess process;
  private int frameOverhead;
  private int spanBudget;
  /** Where a message's first span starts in {@code spans}: the room its encoder reserved. */
  private int firstSpan;
  /** End offset in {@code spans} of each pending span. */
  private int[] spanEnds = new int[64];
  private int spanCount;

  SpanBatcher(Sender sender, ReporterCounters counters, RetryPolicy retries) {
    this.sender = sender;
    this.counters = counters;
    this.retries = retries;
    this.datagrams = sender.encoding() == Encoding.JAEGER_THRIFT_COMPACT;
    this.maxMessageBytes = sender.maxMessageBytes();
    this.workingCapacity = maxMessageBytes + 1024;
    this.encoder = sender.encoding().newEncoder(Math.min(workingCapacity, INITIAL_BUFFER));
    this.spans = encoder.spans();
  }

  /**
   * A batcher that sends through {@code sender} and counts into {@code metrics}, with the default
   * retry policy; the caller closes the sender.
   */
  public static SpanBatcher create(Sender sender, SpoorMetrics metrics) {
    if (sender == null) {
      throw new NullPointerException("sender == null");
    }
    if (metrics == null) {
      throw new NullPointerException("metrics == null");
    }
    return new SpanBatcher(sender, new ReporterCounters(metrics), new RetryPolicy(
        RetryPolicy.DEFAULT_MAX_ATTEMPTS));
  }

  /** Encodes {@code span}; sends the spans before it when it would not fit with them. */
  public void add(FinishedSpan span) {
    if (span == null) {
      throw new NullPointerException("span == null");
    }
    SpoorProcess spanProcess = span.process();
    if (spanProcess != process) {
      flush();
      process = spanProcess;
      frameOverhead = encoder.beginProcess(spanProcess);
      spanBudget = maxMessageBytes - frameOverhead;
      firstSpan = encoder.reservedPrefix();
      spans.restartAt(firstSpan);
    }
    int start = spans.size();
    SpanEncoder.Fit fit;
    try {
      fit = spanBudget > 0 ? encoder.encode(span, spanBudget) : SpanEncoder.Fit.TOO_LARGE;
    } catch (RuntimeException | Error e) {
      // A bug, an Error from a value's toString() (the encoder handles exceptions there) or no
      // memory left to grow the buffer: the span cannot be sent, so it counts as such.
      if (e instanceof ThreadDeath) {
        throw e;
      }
      spans.truncate(start);
      spans.trimCapacity(workingCapacity);
      counters.sendFailed(1);
      warnings.warn("Encoding span {} failed: {}", span, e.toString());
      return;
    }
    if (fit == SpanEncoder.Fit.TOO_LARGE) {
      counters.tooLarge(1);
      spans.trimCapacity(workingCapacity); // encoding it grew the buffer to its size
      return;
    }
    if (fit == SpanEncoder.Fit.SHRUNK) {
      counters.truncated();
    }
    if (spans.size() - firstSpan > spanBudget) {
      send(0, spanCount);
      spans.moveTo(firstSpan, start);
      spanCount = 0;
    }
    if (spanCount == spanEnds.length) {
      spanEnds = Arrays.copyOf(spanEnds, spanCount * 2);
    }
    spanEnds[spanCount++] = spans.size();
    if (fit == SpanEncoder.Fit.SHRUNK) {
      spans.trimCapacity(workingCapacity); // encoding it whole grew the buffer to its size
    }
  }

  /** Sends the spans added since the last message, if any. */
  public void flush() {
    if (spanCount > 0) {
      send(0, spanCount);
      spans.restartAt(firstSpan);
      spanCount = 0;
    }
  }

  /** Spans waiting for their message. */
  public int pending() {
    return spanCount;
  }

  /** The sender messages go to. */
  Sender sender() {
    return sender;
  }

  /**
   * After a failure the reporter's thread survived ({@code extra} spans it held but had not yet
   * added): counts them and every span waiting for its message as dropped, and starts afresh.
   */
  void discardPending(int extra) {
    counters.sendFailed(spanCount + extra);
    spanCount = 0;
    spans.restartAt(0);
    spans.trimCapacity(workingCapacity);
    process = null; // its encoding may be the half-done work that failed
  }

  /** Sends pending spans {@code [from, to)} as one message, split while it is too large. */
  private void send(int from, int to) {
    int count = to - from;
    int startByte = from == 0 ? firstSpan : spanEnds[from - 1];
    int endByte = spanEnds[to - 1];
    ByteBuffer[] message = encoder.frame(startByte, endByte, count);
    int messageBytes = 0;
    for (ByteBuffer part : message) {
      messageBytes += part.remaining();
    }
    SendResult result;
    try {
      result = sendWithRetries(message, count);
    } finally {
      encoder.unframe();
    }
    switch (result.status()) {
      case SENT:
        counters.sent(count, datagrams);
        break;
      case TOO_LARGE:
        keepMessagesBelow(messageBytes, result);
        if (count == 1) {
          counters.tooLarge(1);
        } else {
          int middle = from + count / 2;
          send(from, middle);
          send(middle, to);
        }
        break;
      case REJECTED:
        counters.rejected(count);
        break;
      default: // FAILED, or RETRYABLE with no attempt or time left
        counters.sendFailed(count);
    }
  }

  private SendResult sendWithRetries(ByteBuffer[] message, int spanCount) {
    for (int attempt = 1; ; attempt++) {
      if (retries.pastDeadline()) {
        return SendResult.failed("the close timeout ran out before the message was sent");
      }
      SendResult result;
      try {
        result = sender.send(message);
      } catch (RuntimeException e) {
        result = SendResult.failed(e.toString()); // a sender must not throw; one that does fails
      }
      if (result.status() == SendResult.Status.SENT
          || result.status() == SendResult.Status.TOO_LARGE) {
        return result;
      }
      counters.sendFailure();
      boolean retry = result.status() == SendResult.Status.RETRYABLE
          && attempt < retries.maxAttempts()
          && retries.awaitRetry(attempt, result.retryAfterMillis());
      warnings.warn("Sending {} spans to {} failed ({}), {}", spanCount, sender, result,
          retry ? "retrying" : "spans dropped");
      if (!retry) {
        return result;
      }
      counters.retry();
    }
  }

  private void keepMessagesBelow(int messageBytes, SendResult result) {
    int smaller = Math.max(MIN_MESSAGE_BYTES, messageBytes / 2);
    if (smaller < maxMessageBytes) {
      maxMessageBytes = smaller;
      spanBudget = maxMessageBytes - frameOverhead;
      warnings.warn("{} refused a message of {} bytes as too large ({}); sending at most {} bytes"
          + " from now on", sender, messageBytes, result.detail(), smaller);
    }
  }
}
