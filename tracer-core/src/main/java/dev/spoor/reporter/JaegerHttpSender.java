package dev.spoor.reporter;

import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends spans to a Jaeger collector's HTTP endpoint, as jaeger-client-java's {@code HttpSender}
 * does ({@code JAEGER_ENDPOINT}, e.g. {@code http://jaeger-collector:14268/api/traces}): one
 * Thrift binary {@code Batch} per POST, {@code Content-Type: application/x-thrift}, with
 * {@code format=jaeger.thrift} added to the query (older collectors ask for it). Optional
 * {@code Authorization}: a bearer token ({@code JAEGER_AUTH_TOKEN}) or Basic user and password
 * ({@code JAEGER_USER}, {@code JAEGER_PASSWORD}); never shown by {@code toString} or in a log.
 * Build one with {@link #builder(String)}.
 *
 * <p>Runs on the reporter's thread only; see {@link HttpPost} for timeouts and how answers map
 * to {@link SendResult}s.
 */
public final class JaegerHttpSender implements Sender {
  /**
   * Default largest request body: 1 MiB, jaeger-client-java's {@code HttpSender} default (and
   * many proxies' default body limit); the Jaeger collector itself takes more.
   */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

  private final URL url;
  private final int maxMessageBytes;
  private final String description;
  private final HttpPost post;

  private JaegerHttpSender(Builder builder) {
    this.url = builder.url;
    this.maxMessageBytes = builder.maxMessageBytes;
    this.description = "JaegerHttpSender{endpoint=" + HttpEndpoint.describe(url) + ", auth="
        + builder.authKind + ", timeoutMillis=" + builder.timeoutMillis + ", maxMessageBytes="
        + maxMessageBytes + "}";
    Map<String, String> headers = builder.authorization == null ? Collections.emptyMap()
        : Collections.singletonMap("Authorization", builder.authorization);
    this.post = new HttpPost(url, "application/x-thrift", headers, false,
        (int) builder.timeoutMillis);
  }

  /**
   * A builder for {@code endpoint}, the collector's {@code /api/traces} URL (http or https, no
   * credentials in it).
   *
   * @throws IllegalArgumentException when {@code endpoint} is not such a URL
   */
  public static Builder builder(String endpoint) {
    return new Builder(HttpEndpoint.parse("endpoint", endpoint));
  }

  @Override
  public Encoding encoding() {
    return Encoding.JAEGER_THRIFT_BINARY;
  }

  @Override
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  @Override
  public SendResult send(ByteBuffer[] message) {
    return post.post(message);
  }

  @Override
  public void close() {
    post.close();
  }

  /** The endpoint (without query), the kind of auth and the limits; never a credential. */
  @Override
  public String toString() {
    return description;
  }

  /**
   * Configures a {@link JaegerHttpSender}. Defaults: no authorization, timeout 10 s (connect,
   * and the whole request), max message {@value #DEFAULT_MAX_MESSAGE_BYTES} bytes.
   */
  public static final class Builder {
    private URL url;
    private String authorization;
    private String authKind = "none";
    private long timeoutMillis = 10_000;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;

    private Builder(URL endpoint) {
      String query = endpoint.getQuery();
      if (query == null || !query.contains("format=")) {
        String spec = endpoint.toString();
        endpoint = HttpEndpoint.parse("endpoint", spec + (query == null ? "?" : "&")
            + "format=jaeger.thrift");
      }
      this.url = endpoint;
    }

    /** Sends {@code Authorization: Bearer <token>} ({@code JAEGER_AUTH_TOKEN}). */
    public Builder authToken(String token) {
      String value = "Bearer " + Checks.notNull("token", token);
      HttpEndpoint.checkHeader("Authorization", value);
      this.authorization = value;
      this.authKind = "bearer";
      return this;
    }

    /** Sends Basic authorization ({@code JAEGER_USER}, {@code JAEGER_PASSWORD}). */
    public Builder basicAuth(String user, String password) {
      Checks.notNull("user", user);
      Checks.notNull("password", password);
      if (user.indexOf(':') >= 0) {
        throw new IllegalArgumentException("user must not contain ':' (RFC 7617)");
      }
      this.authorization = "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8));
      this.authKind = "basic";
      return this;
    }

    /** Connect timeout, and the longest a request may take (default 10 s). */
    public Builder timeout(long timeout, TimeUnit unit) {
      long millis = Checks.positiveMillis("timeout", timeout, unit);
      this.timeoutMillis = Math.min(millis, Integer.MAX_VALUE);
      return this;
    }

    /** As {@link #timeout(long, TimeUnit)}. */
    public Builder timeout(Duration timeout) {
      long millis = Checks.positiveMillis("timeout", timeout);
      this.timeoutMillis = Math.min(millis, Integer.MAX_VALUE);
      return this;
    }

    /** The largest request body (default 1 MiB; 1024 bytes to 64 MiB). */
    public Builder maxMessageBytes(int maxMessageBytes) {
      this.maxMessageBytes = Checks.range("maxMessageBytes", maxMessageBytes, 1024, 64 << 20);
      return this;
    }

    /** Builds the sender; nothing is connected yet. */
    public JaegerHttpSender build() {
      return new JaegerHttpSender(this);
    }
  }
}
