package dev.spoor.reporter;

import dev.spoor.internal.BackgroundThread;
import dev.spoor.internal.HttpConnections;
import dev.spoor.internal.UntrustedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The HTTP plumbing of the HTTP senders: POSTs one message over {@link HttpURLConnection}, on the
 * calling (reporter) thread, and turns the answer into a {@link SendResult}.
 *
 * <ul>
 *   <li>Timeouts: connect and read timeouts of {@code timeout} each, and a watchdog that
 *       disconnects a request still running after {@code timeout} (a server that stops reading
 *       the body would otherwise block the write for ever).
 *   <li>Answers: 2xx sent; 413 too large; 429, 502, 503, 504 and connection errors or timeouts
 *       retryable, with {@code Retry-After} (seconds or an HTTP-date); anything else rejected.
 *       Redirects are not followed (a POST body is not re-sent).
 *   <li>Safety: header values (credentials) are never part of a detail or {@code toString};
 *       at most {@value #MAX_BODY_TEXT} characters of the server's answer are kept, with CR, LF,
 *       other control characters and non-ASCII replaced by '?' ({@link UntrustedText}); at most
 *       {@value #MAX_DRAINED} bytes of an answer are read (so the connection can be kept alive),
 *       a longer one is cut off.
 *   <li>gzip: the body is compressed into a reused buffer with a reused {@link Deflater}.
 * </ul>
 */
final class HttpPost {
  static final int MAX_BODY_TEXT = 256;
  static final int MAX_DRAINED = 64 * 1024;
  private static final long MAX_RETRY_AFTER_SECONDS = 24 * 3600;

  private final URL url;
  private final String contentType;
  private final Map<String, String> headers;
  private final boolean gzip;
  private final int timeoutMillis;
  private final byte[] drain = new byte[4096];
  private ScheduledExecutorService watchdog;
  private Deflater deflater;
  private final CRC32 crc = new CRC32();
  private byte[] compressed = new byte[0];

  HttpPost(URL url, String contentType, Map<String, String> headers, boolean gzip,
      int timeoutMillis) {
    this.url = url;
    this.contentType = contentType;
    this.headers = new LinkedHashMap<>(headers);
    this.gzip = gzip;
    this.timeoutMillis = timeoutMillis;
  }

  /** POSTs the parts as one body. Never throws. */
  SendResult post(ByteBuffer[] parts) {
    HttpURLConnection connection = null;
    ScheduledFuture<?> timer = null;
    try {
      int length = 0;
      for (ByteBuffer part : parts) {
        length += part.remaining();
      }
      int bodyLength = gzip ? compress(parts) : length;
      connection = HttpConnections.open(url, timeoutMillis);
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setInstanceFollowRedirects(false);
      connection.setFixedLengthStreamingMode(bodyLength); // also: no silent re-POST on failure
      connection.setRequestProperty("Content-Type", contentType);
      if (gzip) {
        connection.setRequestProperty("Content-Encoding", "gzip");
      }
      for (Map.Entry<String, String> header : headers.entrySet()) {
        connection.setRequestProperty(header.getKey(), header.getValue());
      }
      timer = startWatchdog(connection);
      try (OutputStream out = connection.getOutputStream()) {
        if (gzip) {
          out.write(compressed, 0, bodyLength);
        } else {
          for (ByteBuffer part : parts) {
            writePart(out, part);
          }
        }
      }
      int status = connection.getResponseCode();
      String retryAfter = connection.getHeaderField("Retry-After");
      String answer = readAnswer(connection, status);
      return result(status, answer, retryAfter);
    } catch (IOException | RuntimeException e) {
      if (connection != null) {
        connection.disconnect();
      }
      boolean timedOut = timer != null && timer.isDone();
      return SendResult.retryable(timedOut ? "no answer within " + timeoutMillis + " ms"
          : UntrustedText.forLog(HttpConnections.withoutUserInfo(e.toString()), MAX_BODY_TEXT), -1);
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  private static void writePart(OutputStream out, ByteBuffer part) throws IOException {
    if (part.hasArray()) {
      out.write(part.array(), part.arrayOffset() + part.position(), part.remaining());
    } else {
      byte[] copy = new byte[part.remaining()];
      part.duplicate().get(copy);
      out.write(copy);
    }
  }

  private ScheduledFuture<?> startWatchdog(HttpURLConnection connection) {
    if (watchdog == null) {
      watchdog = Executors.newSingleThreadScheduledExecutor(
          task -> BackgroundThread.create("spoor-http-timeout", task));
    }
    return watchdog.schedule(connection::disconnect, timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** What the server said (bounded, cleaned); the rest of a long answer is not read. */
  private String readAnswer(HttpURLConnection connection, int status) throws IOException {
    InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    if (in == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    int total = 0;
    try (InputStream body = in) {
      int read;
      while ((read = body.read(drain)) > 0) {
        if (text.length() < MAX_BODY_TEXT) {
          text.append(new String(drain, 0, Math.min(read, MAX_BODY_TEXT - text.length()),
              java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        total += read;
        if (total > MAX_DRAINED) {
          connection.disconnect(); // not worth reading: give up the connection instead
          break;
        }
      }
    }
    return UntrustedText.forLog(text.toString().trim(), MAX_BODY_TEXT);
  }

  static SendResult result(int status, String answer, String retryAfter) {
    if (status >= 200 && status < 300) {
      return SendResult.SENT;
    }
    String detail = "HTTP " + status + (answer.isEmpty() ? "" : ": " + answer);
    switch (status) {
      case 413:
        return SendResult.tooLarge(detail);
      case 429:
      case 502:
      case 503:
      case 504:
        return SendResult.retryable(detail, retryAfterMillis(retryAfter));
      default:
        return SendResult.rejected(detail);
    }
  }

  /**
   * RFC 9110 §10.2.3 {@code Retry-After}: delay-seconds or an HTTP-date; -1 when absent or
   * unreadable. The caller caps it.
   */
  static long retryAfterMillis(String value) {
    if (value == null || value.trim().isEmpty()) {
      return -1;
    }
    String trimmed = value.trim();
    if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (trimmed.length() > 6) {
        return TimeUnit.SECONDS.toMillis(MAX_RETRY_AFTER_SECONDS);
      }
      return TimeUnit.SECONDS.toMillis(Math.min(Long.parseLong(trimmed), MAX_RETRY_AFTER_SECONDS));
    }
    try {
      ZonedDateTime when = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
      long millis = Duration.between(ZonedDateTime.now(when.getZone()), when).toMillis();
      return Math.max(0, millis);
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  /** gzip (RFC 1952) of the parts into {@code compressed}; returns its length. */
  private int compress(ByteBuffer[] parts) {
    if (deflater == null) {
      deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    }
    deflater.reset();
    crc.reset();
    int size = 0;
    compressed = ensure(compressed, 0, 10);
    byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    System.arraycopy(header, 0, compressed, 0, header.length);
    size = header.length;
    for (ByteBuffer part : parts) {
      byte[] input;
      int offset;
      int length = part.remaining();
      if (part.hasArray()) {
        input = part.array();
        offset = part.arrayOffset() + part.position();
      } else {
        input = new byte[length];
        part.duplicate().get(input);
        offset = 0;
      }
      crc.update(input, offset, length);
      deflater.setInput(input, offset, length);
      while (!deflater.needsInput()) {
        compressed = ensure(compressed, size, 4096);
        size += deflater.deflate(compressed, size, compressed.length - size);
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      compressed = ensure(compressed, size, 4096);
      size += deflater.deflate(compressed, size, compressed.length - size);
    }
    compressed = ensure(compressed, size, 8);
    putIntLittleEndian(compressed, size, (int) crc.getValue());
    putIntLittleEndian(compressed, size + 4, (int) deflater.getBytesRead());
    return size + 8;
  }

  private static byte[] ensure(byte[] array, int size, int more) {
    return size + more <= array.length ? array
        : Arrays.copyOf(array, Math.max(array.length * 2, size + more));
  }

  private static void putIntLittleEndian(byte[] out, int at, int value) {
    for (int i = 0; i < 4; i++) {
      out[at + i] = (byte) (value >>> (8 * i));
    }
  }

  /** Stops the watchdog thread and frees the deflater. */
  void close() {
    if (watchdog != null) {
      watchdog.shutdownNow();
      watchdog = null;
    }
    if (deflater != null) {
      deflater.end();
      deflater = null;
    }
  }
}
