package dev.spoor;

import dev.spoor.reporter.JaegerHttpSender;
import dev.spoor.reporter.OtlpHttpSender;
import dev.spoor.reporter.Sender;
import dev.spoor.reporter.UdpSender;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Chooses and builds the sender from the environment, in this order: {@code JAEGER_ENDPOINT} set
 * → Jaeger collector over HTTP; else {@code OTEL_TRACES_EXPORTER=otlp} or an OTLP endpoint
 * variable set → OTLP/HTTP protobuf; else the Jaeger agent over UDP. {@code
 * OTEL_TRACES_EXPORTER=none} sends nothing. The OTLP variables follow the OpenTelemetry SDK's
 * rules: a signal-specific {@code OTEL_EXPORTER_OTLP_TRACES_*} wins over the generic {@code
 * OTEL_EXPORTER_OTLP_*}, a traces endpoint is used as is, a generic one gets {@code /v1/traces}.
 * Messages of errors never repeat a header value, token or password.
 */
final class EnvSender {
  static final String ENDPOINT = "JAEGER_ENDPOINT";
  static final String AUTH_TOKEN = "JAEGER_AUTH_TOKEN";
  static final String USER = "JAEGER_USER";
  static final String PASSWORD = "JAEGER_PASSWORD";
  static final String TRACES_EXPORTER = "OTEL_TRACES_EXPORTER";
  static final String OTLP = "OTEL_EXPORTER_OTLP_";
  static final String OTLP_TRACES = "OTEL_EXPORTER_OTLP_TRACES_";
  /** The OTLP/HTTP default endpoint, as in the OpenTelemetry SDK for http/protobuf. */
  static final String DEFAULT_OTLP_ENDPOINT = "http://localhost:4318";
  static final String HTTP_PROTOBUF = "http/protobuf";

  private final EnvConfiguration env;

  EnvSender(EnvConfiguration env) {
    this.env = env;
  }

  /** True when {@code OTEL_TRACES_EXPORTER=none}: nothing is sent. */
  boolean disabled() {
    String exporter = env.get(TRACES_EXPORTER);
    if (exporter == null) {
      return false;
    }
    switch (exporter.toLowerCase(Locale.ROOT)) {
      case "none":
        return true;
      case "otlp":
        return false;
      default:
        throw new IllegalArgumentException("Invalid " + TRACES_EXPORTER + "='" + exporter
            + "': Spoor sends otlp (or nothing: none); for a Jaeger collector set "
            + ENDPOINT + ", for a Jaeger agent leave both unset");
    }
  }

  /** The sender for these variables; UDP takes its settings from {@code agent}. */
  Sender sender(EnvConfiguration.AgentSettings agent) {
    checkProtocol();
    if (env.get(ENDPOINT) != null) {
      return jaegerHttp();
    }
    String exporter = env.get(TRACES_EXPORTER);
    if ((exporter != null && exporter.equalsIgnoreCase("otlp"))
        || env.get(OTLP_TRACES + "ENDPOINT") != null || env.get(OTLP + "ENDPOINT") != null) {
      return otlp();
    }
    return UdpSender.builder().agentHost(agent.host).agentPort(agent.port)
        .maxPacketSize(agent.maxPacketSize).build();
  }

  private JaegerHttpSender jaegerHttp() {
    JaegerHttpSender.Builder builder;
    try {
      builder = JaegerHttpSender.builder(env.get(ENDPOINT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid " + ENDPOINT + ": " + e.getMessage(), e);
    }
    String token = env.get(AUTH_TOKEN);
    String user = env.get(USER);
    String password = env.get(PASSWORD);
    if (token != null) {
      try {
        builder.authToken(token);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(AUTH_TOKEN + " holds characters not allowed in an "
            + "HTTP header");
      }
    } else if (user != null || password != null) {
      if (user == null || password == null) {
        throw new IllegalArgumentException(USER + " and " + PASSWORD
            + " go together: set both for Basic authorization, or neither");
      }
      try {
        builder.basicAuth(user, password);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Invalid " + USER + ": " + e.getMessage());
      }
    }
    return builder.build();
  }

  private OtlpHttpSender otlp() {
    String tracesEndpoint = env.get(OTLP_TRACES + "ENDPOINT");
    String baseEndpoint = env.get(OTLP + "ENDPOINT");
    String endpointVariable = tracesEndpoint != null ? OTLP_TRACES + "ENDPOINT"
        : OTLP + "ENDPOINT";
    String url = tracesEndpoint != null ? tracesEndpoint
        : OtlpHttpSender.tracesUrl(baseEndpoint != null ? baseEndpoint : DEFAULT_OTLP_ENDPOINT);
    OtlpHttpSender.Builder builder;
    try {
      builder = OtlpHttpSender.builder(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid " + endpointVariable + ": " + e.getMessage(),
          e);
    }
    String headersVariable = signalFirst("HEADERS");
    if (headersVariable != null) {
      addHeaders(builder, headersVariable, env.get(headersVariable));
    }
    String compressionVariable = signalFirst("COMPRESSION");
    if (compressionVariable != null) {
      String compression = env.get(compressionVariable);
      if (compression.equalsIgnoreCase("gzip")) {
        builder.gzip(true);
      } else if (!compression.equalsIgnoreCase("none")) {
        throw new IllegalArgumentException("Invalid " + compressionVariable + "='" + compression
            + "': expected gzip or none");
      }
    }
    String timeoutVariable = signalFirst("TIMEOUT");
    if (timeoutVariable != null) {
      String timeout = env.get(timeoutVariable);
      long millis;
      try {
        millis = Long.parseLong(timeout);
      } catch (NumberFormatException e) {
        millis = -1;
      }
      if (millis < 1) {
        throw new IllegalArgumentException("Invalid " + timeoutVariable + "='" + timeout
            + "': expected milliseconds, at least 1");
      }
      builder.timeout(millis, TimeUnit.MILLISECONDS);
    }
    return builder.build();
  }

  /** The signal-specific variable {@code OTEL_EXPORTER_OTLP_TRACES_<suffix>} if set, else the generic one if set, else null. */
  private String signalFirst(String suffix) {
    if (env.get(OTLP_TRACES + suffix) != null) {
      return OTLP_TRACES + suffix;
    }
    return env.get(OTLP + suffix) != null ? OTLP + suffix : null;
  }

  /** Only http/protobuf is spoken: grpc or http/json must fail, not fall back to UDP. */
  private void checkProtocol() {
    String variable = signalFirst("PROTOCOL");
    if (variable == null) {
      return;
    }
    String protocol = env.get(variable);
    if (!protocol.equalsIgnoreCase(HTTP_PROTOBUF)) {
      throw new IllegalArgumentException("Invalid " + variable + "='" + protocol + "': Spoor "
          + "sends OTLP as http/protobuf only (grpc and http/json are not supported); set "
          + HTTP_PROTOBUF + " and the collector's OTLP/HTTP port (4318)");
    }
  }

  /**
   * {@code k=v,k2=v2} with URL-decoded keys and values (OTLP exporter specification). A bad entry
   * fails naming the variable and the entry's position, never its value.
   */
  private static void addHeaders(OtlpHttpSender.Builder builder, String variable, String raw) {
    String[] entries = raw.split(",");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].trim();
      if (entry.isEmpty()) {
        continue;
      }
      int equals = entry.indexOf('=');
      String name = equals <= 0 ? null : decode(entry.substring(0, equals).trim());
      String value = equals <= 0 ? null : decode(entry.substring(equals + 1).trim());
      try {
        if (name == null || value == null) {
          throw new IllegalArgumentException("expected name=value");
        }
        builder.header(name, value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Invalid " + variable + ": entry " + (i + 1)
            + " is not a valid name=value header (values are not shown)");
      }
    }
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), "UTF-8");
    } catch (UnsupportedEncodingException | IllegalArgumentException e) {
      return null;
    }
  }
}
