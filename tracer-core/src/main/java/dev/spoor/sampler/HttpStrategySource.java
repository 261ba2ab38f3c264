package dev.spoor.sampler;

import dev.spoor.internal.HttpConnections;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Asks a Jaeger sampling endpoint over HTTP: {@code GET {endpoint}?service={service}} through
 * {@link HttpURLConnection} (no thread of its own, unlike {@code java.net.http.HttpClient}). Every
 * poll is bounded: connecting and each read by the timeout, the whole body by the timeout too,
 * and its size by {@value #MAX_BODY_BYTES} bytes; the connection is closed after each poll, so no
 * keep-alive thread is left behind.
 */
final class HttpStrategySource implements StrategySource {
  /** The largest answer read: a strategy for thousands of operations is well under 1 MiB. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private final String endpoint;
  private final String shownEndpoint;
  private final int timeoutMillis;

  /**
   * @param endpoint an absolute http or https URL, checked with {@link #checkEndpoint}
   * @param timeoutMillis bound on connecting, on each read and on reading the whole answer
   */
  HttpStrategySource(String endpoint, int timeoutMillis) {
    this.endpoint = endpoint;
    this.shownEndpoint = shown(endpoint);
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public String fetch(String serviceName) throws IOException {
    String separator = endpoint.indexOf('?') >= 0 ? "&" : "?";
    URL url = new URL(
        endpoint + separator + "service=" + URLEncoder.encode(serviceName, StandardCharsets.UTF_8));
    HttpURLConnection connection = HttpConnections.open(url, timeoutMillis);
    connection.setRequestProperty("Accept", "application/json");
    try {
      long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
      int status = connection.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        throw new IOException("HTTP status " + status);
      }
      long declared = connection.getContentLengthLong();
      if (declared > MAX_BODY_BYTES) {
        throw new IOException("answer of " + declared + " bytes, more than " + MAX_BODY_BYTES);
      }
      try (InputStream in = connection.getInputStream()) {
        return utf8(readBounded(in, declared, deadline));
      }
    } finally {
      connection.disconnect(); // closes the socket: nothing is kept alive between polls
    }
  }

  private ByteBuffer readBounded(InputStream in, long declared, long deadline)
      throws IOException {
    ByteArrayOutputStream body =
        new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
    byte[] chunk = new byte[8192];
    int n;
    while ((n = in.read(chunk)) != -1) {
      if (body.size() + n > MAX_BODY_BYTES) {
        throw new IOException("answer larger than " + MAX_BODY_BYTES + " bytes");
      }
      body.write(chunk, 0, n);
      if (System.nanoTime() - deadline > 0) {
        throw new IOException("answer took longer than " + timeoutMillis + " ms to read");
      }
    }
    return ByteBuffer.wrap(body.toByteArray());
  }

  private static String utf8(ByteBuffer bytes) throws IOException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("answer is not UTF-8");
    }
  }

  @Override
  public String toString() {
    return shownEndpoint;
  }

  /**
   * Checks that {@code endpoint} is an absolute http or https URL with a host.
   *
   * @throws IllegalArgumentException naming the problem, with any user info in the URL hidden
   */
  static void checkEndpoint(String endpoint) {
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "endpoint is not a URL: '" + shown(endpoint) + "' (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "endpoint must be an http or https URL, was '" + shown(endpoint) + "'");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("endpoint has no host: '" + shown(endpoint) + "'");
    }
  }

  /** {@code endpoint} for a log line or a message: user info hidden, cleaned, bounded. */
  static String shown(String endpoint) {
    return HttpConnections.endpointForLog(endpoint);
  }
}
