package dev.spoor;

import dev.spoor.internal.LibraryLogger;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.sampler.ConstSampler;
import dev.spoor.sampler.ProbabilisticSampler;
import dev.spoor.sampler.RateLimitingSampler;
import dev.spoor.sampler.RemoteSampler;
import dev.spoor.sampler.Sampler;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * The sampler part of {@link EnvConfiguration}: {@code JAEGER_SAMPLER_TYPE}, its param, and the
 * remote sampler's endpoint, refresh interval and operation limit. Every value is checked here;
 * a bad one fails naming the variable.
 */
final class EnvSampler {
  private static final LibraryLogger LOG = LibraryLogger.of(EnvConfiguration.class);

  static final String SAMPLER_TYPE = EnvConfiguration.SAMPLER_TYPE;
  static final String SAMPLER_PARAM = EnvConfiguration.SAMPLER_PARAM;
  /** jaeger-client-go's and -node's full URL of the sampling endpoint (Spoor adds the service). */
  static final String SAMPLING_ENDPOINT = "JAEGER_SAMPLING_ENDPOINT";
  /** jaeger-client-java's {@code host:port} of the agent's sampling endpoint. */
  static final String SAMPLER_MANAGER_HOST_PORT = "JAEGER_SAMPLER_MANAGER_HOST_PORT";
  /** jaeger-client-go's poll interval. */
  static final String SAMPLER_REFRESH_INTERVAL = "JAEGER_SAMPLER_REFRESH_INTERVAL";
  /** jaeger-client-go's limit on per-operation samplers. */
  static final String SAMPLER_MAX_OPERATIONS = "JAEGER_SAMPLER_MAX_OPERATIONS";

  private static final String[] REMOTE_ONLY = {
    SAMPLING_ENDPOINT, SAMPLER_MANAGER_HOST_PORT, SAMPLER_REFRESH_INTERVAL, SAMPLER_MAX_OPERATIONS
  };

  private final EnvConfiguration env;

  EnvSampler(EnvConfiguration env) {
    this.env = env;
  }

  /**
   * The sampler the variables ask for. Without {@code JAEGER_SAMPLER_TYPE} it is remote, as in
   * jaeger-client-java.
   *
   * @param metrics where a remote sampler counts its polls; null for a disabled tracer, which
   *     polls nothing (its remote sampler is the initial probability alone)
   */
  Sampler sampler(String serviceName, SpoorMetrics metrics) {
    String type = env.get(SAMPLER_TYPE);
    String param = env.get(SAMPLER_PARAM);
    String chosen = type == null ? RemoteSampler.TYPE : type.toLowerCase(Locale.ROOT);
    if (!chosen.equals(RemoteSampler.TYPE)) {
      for (String name : REMOTE_ONLY) {
        if (env.get(name) != null) {
          LOG.warn("{} is set but only used when {}=remote; it is {}", name, SAMPLER_TYPE, type);
        }
      }
    }
    switch (chosen) {
      case ConstSampler.TYPE:
        return param == null ? new ConstSampler(true) : constSampler(param);
      case ProbabilisticSampler.TYPE:
        return new ProbabilisticSampler(probability(param));
      case RateLimitingSampler.TYPE: {
        double rate = EnvConfiguration.number(SAMPLER_PARAM, param, 1.0);
        if (!(rate >= 0.0) || Double.isInfinite(rate)) {
          throw EnvConfiguration.bad(
              SAMPLER_PARAM, param, "a rate must be a finite number of traces per second >= 0");
        }
        return new RateLimitingSampler(rate);
      }
      case RemoteSampler.TYPE:
        return remoteSampler(serviceName, param, metrics);
      default:
        throw EnvConfiguration.bad(
            SAMPLER_TYPE, type, "expected const, probabilistic, ratelimiting or remote");
    }
  }

  private Sampler remoteSampler(String serviceName, String param, SpoorMetrics metrics) {
    // jaeger-client-java's remote sampler starts probabilistic with the param (default 0.001).
    double initialProbability = probability(param);
    String endpoint = endpoint();
    Duration interval = refreshInterval();
    int maxOperations = env.intInRange(SAMPLER_MAX_OPERATIONS,
        RemoteSampler.Builder.DEFAULT_MAX_OPERATIONS, 1, RemoteSampler.Builder.MAX_MAX_OPERATIONS);
    RemoteSampler.Builder remote = RemoteSampler.builder(serviceName);
    try {
      remote.endpoint(endpoint);
    } catch (IllegalArgumentException e) {
      // Only JAEGER_SAMPLING_ENDPOINT can be wrong here; the message hides any user info.
      throw new IllegalArgumentException("Invalid " + SAMPLING_ENDPOINT + ": " + e.getMessage());
    }
    if (metrics == null) {
      return new ProbabilisticSampler(initialProbability);
    }
    return remote
        .initialProbability(initialProbability)
        .refreshInterval(interval)
        .maxOperations(maxOperations)
        .metrics(metrics)
        .build();
  }

  /**
   * {@code JAEGER_SAMPLING_ENDPOINT} (a full URL) when set, which wins over {@code
   * JAEGER_SAMPLER_MANAGER_HOST_PORT} ({@code host:port}, asked at {@code /sampling}) as in
   * jaeger-client-go; else the agent on localhost.
   */
  String endpoint() {
    String url = env.get(SAMPLING_ENDPOINT);
    String hostPort = env.get(SAMPLER_MANAGER_HOST_PORT);
    if (url != null) {
      if (hostPort != null) {
        LOG.warn("{} and {} are both set: {} wins, {} is ignored", SAMPLING_ENDPOINT,
            SAMPLER_MANAGER_HOST_PORT, SAMPLING_ENDPOINT, SAMPLER_MANAGER_HOST_PORT);
      }
      return url;
    }
    if (hostPort != null) {
      return hostPortEndpoint(hostPort);
    }
    return RemoteSampler.Builder.DEFAULT_ENDPOINT;
  }

  private static String hostPortEndpoint(String hostPort) {
    String expected = "expected host:port, e.g. jaeger-agent:5778 (a full URL goes in "
        + SAMPLING_ENDPOINT + ")";
    URI uri;
    try {
      uri = new URI("http://" + hostPort + "/sampling");
    } catch (URISyntaxException e) {
      throw EnvConfiguration.bad(SAMPLER_MANAGER_HOST_PORT, hostPort, expected);
    }
    if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535
        || uri.getRawUserInfo() != null || !"/sampling".equals(uri.getRawPath())
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw EnvConfiguration.bad(SAMPLER_MANAGER_HOST_PORT, hostPort, expected);
    }
    return uri.toString();
  }

  Duration refreshInterval() {
    String value = env.get(SAMPLER_REFRESH_INTERVAL);
    if (value == null) {
      return Duration.ofSeconds(60);
    }
    String expected = "expected milliseconds (60000) or a Go duration (500ms, 1m30s, 2h) of at "
        + "least 1 ms";
    Duration interval;
    try {
      interval = GoDuration.parse(value);
    } catch (IllegalArgumentException e) {
      throw EnvConfiguration.bad(SAMPLER_REFRESH_INTERVAL, value, expected + ": " + e.getMessage());
    }
    if (interval.compareTo(Duration.ofMillis(1)) < 0) {
      throw EnvConfiguration.bad(SAMPLER_REFRESH_INTERVAL, value, expected);
    }
    return interval;
  }

  private static double probability(String param) {
    double probability = EnvConfiguration.number(
        SAMPLER_PARAM, param, EnvConfiguration.DEFAULT_SAMPLING_PROBABILITY);
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw EnvConfiguration.bad(SAMPLER_PARAM, param, "a probability must be between 0.0 and 1.0");
    }
    return probability;
  }

  private static Sampler constSampler(String param) {
    switch (param) {
      case "1":
      case "1.0":
      case "true":
        return new ConstSampler(true);
      case "0":
      case "0.0":
      case "false":
        return new ConstSampler(false);
      default:
        throw EnvConfiguration.bad(
            SAMPLER_PARAM, param, "the const sampler takes 1 (sample all) or 0 (none)");
    }
  }
}
