package dev.spoor;

import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.reporter.CompositeReporter;
import dev.spoor.reporter.LoggingReporter;
import dev.spoor.reporter.RemoteReporter;
import dev.spoor.reporter.Reporter;
import dev.spoor.reporter.Sender;
import dev.spoor.sampler.Sampler;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Reads jaeger-client-java's {@code JAEGER_*} variables, and the OpenTelemetry ones Spoor
 * honours ({@code OTEL_SERVICE_NAME}, {@code OTEL_RESOURCE_ATTRIBUTES}, the OTLP exporter's; see
 * {@link EnvSender}); where both name the same thing, the {@code JAEGER_*} one wins. A Java system property of the same name
 * wins over the environment variable, as in jaeger-client-java. Every value is checked here, so a
 * bad value fails when the tracer is built with a message naming the variable and the value.
 */
final class EnvConfiguration {
  static final String SERVICE_NAME = "JAEGER_SERVICE_NAME";
  static final String DISABLED = "JAEGER_DISABLED";
  static final String TAGS = "JAEGER_TAGS";
  static final String SAMPLER_TYPE = "JAEGER_SAMPLER_TYPE";
  static final String SAMPLER_PARAM = "JAEGER_SAMPLER_PARAM";
  static final String TRACEID_128BIT = "JAEGER_TRACEID_128BIT";
  static final String REPORTER_LOG_SPANS = "JAEGER_REPORTER_LOG_SPANS";
  static final String AGENT_HOST = "JAEGER_AGENT_HOST";
  static final String AGENT_PORT = "JAEGER_AGENT_PORT";
  static final String REPORTER_MAX_QUEUE_SIZE = "JAEGER_REPORTER_MAX_QUEUE_SIZE";
  static final String REPORTER_FLUSH_INTERVAL = "JAEGER_REPORTER_FLUSH_INTERVAL";
  static final String REPORTER_MAX_PACKET_SIZE = "JAEGER_REPORTER_MAX_PACKET_SIZE";
  static final String PROPAGATION = "JAEGER_PROPAGATION";
  /** jaeger-client-java's sender lookup; Spoor has none, so only its one built-in name passes. */
  static final String SENDER_FACTORY = "JAEGER_SENDER_FACTORY";
  static final String OTEL_SERVICE_NAME = "OTEL_SERVICE_NAME";
  static final String OTEL_RESOURCE_ATTRIBUTES = "OTEL_RESOURCE_ATTRIBUTES";

  /** Defaults, as in jaeger-client-java: 64-bit trace ids, sampling probability 0.001. */
  static final boolean DEFAULT_TRACEID_128BIT = false;
  static final double DEFAULT_SAMPLING_PROBABILITY = 0.001;

  /** Defaults of the agent and reporter settings, as in jaeger-client-java. */
  static final String DEFAULT_AGENT_HOST = "localhost";
  static final int DEFAULT_AGENT_PORT = 6831;
  /** Spoor's own default, not jaeger-client-java's 100 (see RemoteReporter.Builder). */
  static final int DEFAULT_MAX_QUEUE_SIZE = RemoteReporter.Builder.DEFAULT_MAX_QUEUE_SIZE;
  static final int DEFAULT_FLUSH_INTERVAL_MILLIS = 1000;
  static final int DEFAULT_MAX_PACKET_SIZE = 65000;

  private final UnaryOperator<String> lookup;

  EnvConfiguration(UnaryOperator<String> lookup) {
    this.lookup = lookup;
  }

  /** Reads system properties first, then environment variables. */
  static EnvConfiguration fromSystem() {
    return new EnvConfiguration(name -> {
      String value = System.getProperty(name);
      return value != null ? value : System.getenv(name);
    });
  }

  /** The raw value of {@code name}, trimmed, or null when unset or blank. */
  String get(String name) {
    String value = lookup.apply(name);
    if (value == null) {
      return null;
    }
    value = value.trim();
    return value.isEmpty() ? null : value;
  }

  /** Builds a tracer builder from the variables; throws IllegalArgumentException on bad values. */
  SpoorTracerBuilder builder() {
    return builder(null);
  }

  /**
   * As {@link #builder()}, with {@code givenServiceName} (when not null) winning over every
   * variable that names the service, as jaeger-client-java's {@code Configuration.fromEnv(name)}.
   */
  SpoorTracerBuilder builder(String givenServiceName) {
    boolean disabled = bool(DISABLED, false);
    Map<String, Object> resource = resourceAttributes();
    Object resourceServiceName = resource.remove("service.name");
    String serviceName = firstNonNull(givenServiceName, firstNonNull(get(SERVICE_NAME),
        firstNonNull(get(OTEL_SERVICE_NAME),
            resourceServiceName == null ? null : resourceServiceName.toString())));
    if (serviceName == null) {
      if (!disabled) {
        throw new IllegalArgumentException(
            SERVICE_NAME + " (or " + OTEL_SERVICE_NAME
                + ") is not set: every tracer needs a service name");
      }
      serviceName = "disabled";
    }
    // The tracer, its reporter and a remote sampler share one SpoorMetrics, so tracer.metrics()
    // shows them all.
    SpoorMetrics metrics = new SpoorMetrics();
    Map<String, Object> processTags = new LinkedHashMap<>(resource);
    processTags.putAll(tags()); // JAEGER_TAGS win over OTEL_RESOURCE_ATTRIBUTES
    SpoorTracerBuilder builder = SpoorTracer.builder(serviceName)
        .withTags(processTags)
        .traceId128Bit(bool(TRACEID_128BIT, DEFAULT_TRACEID_128BIT))
        .sampler(sampler(serviceName, disabled ? null : metrics))
        .disabled(disabled);
    String propagation = get(PROPAGATION);
    if (propagation != null) {
      try {
        builder.propagation(propagation.split(","));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            PROPAGATION + "='" + propagation + "' is invalid: " + e.getMessage(), e);
      }
    }
    String senderFactory = get(SENDER_FACTORY);
    if (senderFactory != null && !senderFactory.equals("thrift")) {
      throw bad(SENDER_FACTORY, senderFactory, "Spoor has no sender factories: the transport "
          + "follows from JAEGER_ENDPOINT or OTEL_EXPORTER_OTLP_*; for a transport of your own, "
          + "pass RemoteReporter.builder().sender(yours).build() to builderFromEnv().reporter(...)");
    }
    AgentSettings agent = agentSettings();
    boolean logSpans = bool(REPORTER_LOG_SPANS, false);
    EnvSender senders = new EnvSender(this);
    boolean sendNothing = senders.disabled();
    Sender sender = disabled || sendNothing ? null : senders.sender(agent); // checks the values
    builder.logStartLine = true; // build() logs the effective settings, after any overrides
    if (disabled) {
      // reports nothing: no reporter thread, no socket, nothing to flush at exit
      return builder.closeOnShutdown(false);
    }
    // Made at build(), so that a reporter the caller sets instead never starts a thread.
    builder.deferredReporter(sender == null ? () -> noRemoteReporter(logSpans)
        : () -> reporter(sender, agent, logSpans, metrics));
    // jaeger-client-java closes (and so flushes) its tracer from a JVM shutdown hook by default.
    return builder.metrics(metrics).closeOnShutdown(true);
  }

  /** {@code OTEL_TRACES_EXPORTER=none}: the logging reporter when asked, else nothing. */
  private static Reporter noRemoteReporter(boolean logSpans) {
    // Not Reporter.NOOP, which the builder would log as a mistake; named for the start line.
    return logSpans ? new LoggingReporter() : new Reporter() {
      @Override
      public void report(FinishedSpan span) {}

      @Override
      public void close() {}

      @Override
      public String toString() {
        return "none (" + EnvSender.TRACES_EXPORTER + "=none: spans are not sent)";
      }
    };
  }

  /**
   * {@code OTEL_RESOURCE_ATTRIBUTES}: {@code k=v,k2=v2} with URL-decoded values, as the
   * OpenTelemetry SDK reads it; they become process tags (resource attributes over OTLP).
   */
  Map<String, Object> resourceAttributes() {
    String raw = get(OTEL_RESOURCE_ATTRIBUTES);
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (raw == null) {
      return attributes;
    }
    for (String pair : raw.split(",")) {
      if (pair.trim().isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals <= 0 || pair.substring(0, equals).trim().isEmpty()) {
        throw bad(OTEL_RESOURCE_ATTRIBUTES, raw, "each attribute must be key=value, got '"
            + pair.trim() + "'");
      }
      try {
        attributes.put(pair.substring(0, equals).trim(),
            URLDecoder.decode(pair.substring(equals + 1).trim().replace("+", "%2B"), "UTF-8"));
      } catch (UnsupportedEncodingException | IllegalArgumentException e) {
        throw bad(OTEL_RESOURCE_ATTRIBUTES, raw, "a value is not URL-encoded: '" + pair.trim()
            + "'");
      }
    }
    return attributes;
  }

  private static String firstNonNull(String value, String fallback) {
    return value != null ? value : fallback;
  }

  /** The reporter for these settings: spans to the sender, and to the log when asked. */
  private static Reporter reporter(Sender sender, AgentSettings agent, boolean logSpans,
      SpoorMetrics metrics) {
    Reporter remote = RemoteReporter.builder()
        .sender(sender)
        .maxQueueSize(agent.maxQueueSize)
        .flushInterval(agent.flushIntervalMillis, TimeUnit.MILLISECONDS)
        .metrics(metrics)
        .build();
    return logSpans ? new CompositeReporter(remote, new LoggingReporter()) : remote;
  }

  AgentSettings agentSettings() {
    String host = get(AGENT_HOST);
    return new AgentSettings(
        host == null ? DEFAULT_AGENT_HOST : host,
        intInRange(AGENT_PORT, DEFAULT_AGENT_PORT, 1, 65535),
        intInRange(REPORTER_MAX_QUEUE_SIZE, DEFAULT_MAX_QUEUE_SIZE, 1,
            RemoteReporter.Builder.MAX_QUEUE_SIZE),
        intInRange(REPORTER_FLUSH_INTERVAL, DEFAULT_FLUSH_INTERVAL_MILLIS, 1, Integer.MAX_VALUE),
        intInRange(REPORTER_MAX_PACKET_SIZE, DEFAULT_MAX_PACKET_SIZE, 1024, 65507));
  }

  /** The sampler part of the variables: see {@link EnvSampler}. */
  Sampler sampler(String serviceName, SpoorMetrics metrics) {
    return new EnvSampler(this).sampler(serviceName, metrics);
  }

  /**
   * Parses {@code k=v,k2=${ENV_VAR:default}}: a value of the form {@code ${NAME:default}} is
   * replaced by the property or variable NAME, or by the default when it is unset.
   */
  Map<String, Object> tags() {
    String raw = get(TAGS);
    Map<String, Object> tags = new LinkedHashMap<>();
    if (raw == null) {
      return tags;
    }
    for (String pair : raw.split(",")) {
      if (pair.trim().isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals <= 0 || pair.substring(0, equals).trim().isEmpty()) {
        throw bad(TAGS, raw, "each tag must be key=value, got '" + pair.trim() + "'");
      }
      String key = pair.substring(0, equals).trim();
      tags.put(key, resolve(pair.substring(equals + 1).trim()));
    }
    return tags;
  }

  private String resolve(String value) {
    if (!value.startsWith("${") || !value.endsWith("}")) {
      return value;
    }
    String inner = value.substring(2, value.length() - 1);
    int colon = inner.indexOf(':');
    String name = colon < 0 ? inner.trim() : inner.substring(0, colon).trim();
    String fallback = colon < 0 ? "" : inner.substring(colon + 1).trim();
    String resolved = get(name);
    return resolved == null ? fallback : resolved;
  }

  private boolean bool(String name, boolean fallback) {
    String value = get(name);
    if (value == null) {
      return fallback;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw bad(name, value, "expected true or false");
  }

  int intInRange(String name, int fallback, int min, int max) {
    String value = get(name);
    if (value == null) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw bad(name, value, "expected an integer");
    }
    if (parsed < min || parsed > max) {
      throw bad(name, value, "expected an integer from " + min + " to " + max);
    }
    return parsed;
  }

  static double number(String name, String value, double fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw bad(name, value, "expected a number");
    }
  }

  static IllegalArgumentException bad(String name, String value, String expected) {
    return new IllegalArgumentException(
        "Invalid " + name + "='" + value + "': " + expected);
  }

  /** The agent and reporter settings read from the environment, checked. */
  static final class AgentSettings {
    final String host;
    final int port;
    final int maxQueueSize;
    final int flushIntervalMillis;
    final int maxPacketSize;

    AgentSettings(String host, int port, int maxQueueSize, int flushIntervalMillis,
        int maxPacketSize) {
      this.host = host;
      this.port = port;
      this.maxQueueSize = maxQueueSize;
      this.flushIntervalMillis = flushIntervalMillis;
      this.maxPacketSize = maxPacketSize;
    }
  }
}
