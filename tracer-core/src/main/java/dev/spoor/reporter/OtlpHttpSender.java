package dev.spoor.reporter;

import java.net.URL;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends spans over OTLP/HTTP with protobuf ({@code POST}, {@code Content-Type:
 * application/x-protobuf}, one {@code ExportTraceServiceRequest} per request) to any OTLP
 * backend: Jaeger v2, Grafana Tempo, an OpenTelemetry Collector, a vendor. Optional headers
 * (e.g. an API key: never shown by {@code toString} or in a log, only their names) and gzip.
 * Build one with {@link #builder(String)}.
 *
 * <p>Runs on the reporter's thread only; see {@link HttpPost} for timeouts and how answers map
 * to {@link SendResult}s (the retryable codes are those of the OTLP specification: 429, 502,
 * 503, 504).
 */
public final class OtlpHttpSender implements Sender {
  /**
   * Default largest request body: 4 MiB, well under the OpenTelemetry Collector's default
   * {@code max_request_body_size} of 20 MiB (which Jaeger v2 and many gateways inherit), while
   * carrying thousands of spans per request.
   */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 << 20;
  /** The path an OTLP base endpoint ({@code OTEL_EXPORTER_OTLP_ENDPOINT}) gets for traces. */
  public static final String TRACES_PATH = "/v1/traces";

  private final int maxMessageBytes;
  private final String description;
  private final HttpPost post;

  private OtlpHttpSender(Builder builder) {
    this.maxMessageBytes = builder.maxMessageBytes;
    this.description = "OtlpHttpSender{endpoint=" + HttpEndpoint.describe(builder.url)
        + ", compression=" + (builder.gzip ? "gzip" : "none") + ", headers="
        + builder.headers.keySet() + ", timeoutMillis=" + builder.timeoutMillis
        + ", maxMessageBytes=" + maxMessageBytes + "}";
    this.post = new HttpPost(builder.url, "application/x-protobuf", builder.headers,
        builder.gzip, (int) builder.timeoutMillis);
  }

  /**
   * A builder for {@code endpoint}, the full traces URL used as it is (as {@code
   * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}), e.g. {@code http://otel-collector:4318/v1/traces}.
   *
   * @throws IllegalArgumentException when {@code endpoint} is not an http(s) URL without
   *     credentials
   */
  public static Builder builder(String endpoint) {
    return new Builder(HttpEndpoint.parse("endpoint", endpoint));
  }

  /**
   * The traces URL of an OTLP base endpoint ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, e.g. {@code
   * http://localhost:4318}): the base with {@value #TRACES_PATH} appended, as the OTLP exporter
   * specification says.
   */
  public static String tracesUrl(String baseEndpoint) {
    String base = Checks.notNull("baseEndpoint", baseEndpoint).trim();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + TRACES_PATH;
  }

  @Override
  public Encoding encoding() {
    return Encoding.OTLP_PROTOBUF;
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

  /** The endpoint (without query), compression, header names and limits; no header value. */
  @Override
  public String toString() {
    return description;
  }

  /**
   * Configures an {@link OtlpHttpSender}. Defaults: no extra headers, no compression, timeout
   * 10 s (as {@code OTEL_EXPORTER_OTLP_TIMEOUT}'s default), max message {@value
   * #DEFAULT_MAX_MESSAGE_BYTES} bytes.
   */
  public static final class Builder {
    private final URL url;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean gzip;
    private long timeoutMillis = 10_000;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;

    private Builder(URL url) {
      this.url = url;
    }

    /** Adds a request header, e.g. an API key or {@code Authorization}. */
    public Builder header(String name, String value) {
      HttpEndpoint.checkHeader(name, value);
      headers.put(name, value);
      return this;
    }

    /** True to gzip each request body ({@code OTEL_EXPORTER_OTLP_COMPRESSION=gzip}). */
    public Builder gzip(boolean gzip) {
      this.gzip = gzip;
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

    /** The largest request body, before compression (default 4 MiB; 1024 bytes to 64 MiB). */
    public Builder maxMessageBytes(int maxMessageBytes) {
      this.maxMessageBytes = Checks.range("maxMessageBytes", maxMessageBytes, 1024, 64 << 20);
      return this;
    }

    /** Builds the sender; nothing is connected yet. */
    public OtlpHttpSender build() {
      return new OtlpHttpSender(this);
    }
  }
}
