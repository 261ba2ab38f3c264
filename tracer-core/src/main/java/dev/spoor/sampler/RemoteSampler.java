package dev.spoor.sampler;

import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.sampler.RateLimitingSampler.TokenBucket;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Takes its sampling strategy from a Jaeger sampling endpoint ({@code JAEGER_SAMPLER_TYPE=remote},
 * jaeger-client-java's RemoteControlledSampler): the agent or collector on port 5778, or Jaeger
 * v2's {@code remote_sampling} extension, where operators set probabilistic, rate-limiting or
 * per-operation rates for a whole fleet. Until the first answer, and whenever the endpoint fails,
 * hangs or answers garbage, the last good strategy (at first the initial sampler, probabilistic
 * at 0.001 by default) keeps deciding.
 *
 * <p>The endpoint is asked ({@code GET {endpoint}?service={service}}) from one daemon thread,
 * {@code spoor-sampler}, started by the first root span; the first poll happens then, and then
 * every refresh interval; {@link #close()} (called by the tracer's) stops it. Deciding never waits
 * for it: a new strategy is published with one atomic write, and a root span of a known operation
 * costs one lock-free map lookup and no allocation. Polls and updates are counted in {@link
 * #metrics()} ({@code spoor.sampler.*}), which the tracer's {@code metrics()} includes.
 */
public final class RemoteSampler implements Sampler {
  /** The {@code JAEGER_SAMPLER_TYPE} value, as in jaeger-client-java. */
  public static final String TYPE = "remote";

  private static final VarHandle CURRENT;

  static {
    try {
      CURRENT = MethodHandles.lookup().findVarHandle(RemoteSampler.class, "current", Sampler.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String serviceName;
  private final String endpoint;
  private final Duration refreshInterval;
  private final int maxOperations;
  private final Sampler initial;
  private final SamplerCounters counters;
  private final StrategyPoller poller;
  private final Sampler startOnFirstUse = new StartOnFirstUse();
  private volatile Sampler current;
  private volatile boolean closed;

  private RemoteSampler(Builder builder) {
    this.serviceName = builder.serviceName;
    this.endpoint = builder.endpoint;
    this.refreshInterval = builder.refreshInterval;
    this.maxOperations = builder.maxOperations;
    this.initial = builder.initialSampler != null
        ? builder.initialSampler : new ProbabilisticSampler(builder.initialProbability);
    this.counters = new SamplerCounters(
        builder.metrics != null ? builder.metrics : new SpoorMetrics());
    StrategySource source = new HttpStrategySource(builder.endpoint, builder.timeoutMillis);
    this.poller = new StrategyPoller(this, source, serviceName, refreshInterval.toNanos(),
        maxOperations, builder.clock, counters, builder.warningIntervalNanos);
    this.current = builder.pollingThread ? startOnFirstUse : initial;
  }

  /**
   * A builder for a remote sampler of {@code serviceName}: the service whose strategy the endpoint
   * is asked for (the tracer's service name).
   *
   * @throws NullPointerException when {@code serviceName} is null
   * @throws IllegalArgumentException when it is blank
   */
  public static Builder builder(String serviceName) {
    return new Builder(serviceName);
  }

  @Override
  public SamplingDecision sample(String operationName, long traceIdHigh, long traceIdLow) {
    return current.sample(operationName, traceIdHigh, traceIdLow);
  }

  /** The counters of this sampler's polls ({@code spoor.sampler.*}). */
  public SpoorMetrics metrics() {
    return counters.metrics();
  }

  /** Its one set of counters: the tracer's {@code metrics()} includes it. */
  @Override
  public List<SpoorMetrics> counters() {
    return Collections.singletonList(counters.metrics());
  }

  /** Stops polling; the strategy in force keeps deciding. Idempotent. */
  @Override
  public void close() {
    closed = true;
    poller.stop();
  }

  /** The sampler in force: the initial one until the first answer. */
  Sampler current() {
    Sampler sampler = current;
    return sampler == startOnFirstUse ? initial : sampler;
  }

  /** Puts {@code next} in force; called by the poller only, one poll at a time. */
  void publish(Sampler next) {
    current = next; // one volatile write: a deciding thread sees the old sampler or the new one
  }

  /** Polls once, now, on the calling thread (for tests: deterministic updates). */
  void pollNow() {
    poller.pollOnce();
  }

  /** True while the polling thread runs (for tests). */
  boolean isPolling() {
    return poller.isRunning();
  }

  @Override
  public String toString() {
    return "RemoteSampler{service=" + serviceName + ", endpoint="
        + HttpStrategySource.shown(endpoint) + ", refresh=" + refreshInterval.toMillis() + " ms, maxOperations=" + maxOperations
        + ", initial=" + initial + ", current=" + current() + "}";
  }

  /**
   * The sampler in force until the first root span: it starts the polling thread, hands over to
   * the initial sampler, and is never asked again. So a sampler that is built and never used (or
   * used only after close) starts no thread, and the request path pays for the check only once.
   */
  private final class StartOnFirstUse implements Sampler {
    @Override
    public SamplingDecision sample(String operationName, long traceIdHigh, long traceIdLow) {
      if (!closed && CURRENT.compareAndSet(RemoteSampler.this, this, initial)) {
        poller.start();
      }
      return initial.sample(operationName, traceIdHigh, traceIdLow);
    }

    @Override
    public String toString() {
      return initial.toString();
    }
  }

  /**
   * Configures a {@link RemoteSampler}. Defaults, as in jaeger-client-java where it has them:
   *
   * <ul>
   *   <li>endpoint: {@value #DEFAULT_ENDPOINT}
   *   <li>initial sampler: probabilistic at {@value #DEFAULT_INITIAL_PROBABILITY}
   *   <li>refresh interval: 60 s
   *   <li>max operations: {@value #DEFAULT_MAX_OPERATIONS}
   *   <li>timeout: 5 s for connecting, for each read and for the whole answer
   *   <li>metrics: a set of its own ({@link RemoteSampler#metrics()})
   * </ul>
   */
  public static final class Builder {
    /** The agent's (and Jaeger v2's remote_sampling extension's) sampling endpoint. */
    public static final String DEFAULT_ENDPOINT = "http://localhost:5778/sampling";
    /** jaeger-client-java's initial probability. */
    public static final double DEFAULT_INITIAL_PROBABILITY = 0.001;
    /** jaeger-client-go's default limit on per-operation samplers (jaeger-client-java's fixed one). */
    public static final int DEFAULT_MAX_OPERATIONS = 2000;
    /** The largest {@link #maxOperations} accepted, so that memory stays bounded. */
    public static final int MAX_MAX_OPERATIONS = 100_000;

    private final String serviceName;
    private String endpoint = DEFAULT_ENDPOINT;
    private double initialProbability = DEFAULT_INITIAL_PROBABILITY;
    private Sampler initialSampler;
    private Duration refreshInterval = Duration.ofSeconds(60);
    private int maxOperations = DEFAULT_MAX_OPERATIONS;
    private int timeoutMillis = 5_000;
    private SpoorMetrics metrics;
    private TokenBucket.NanoClock clock = System::nanoTime;
    private long warningIntervalNanos = TimeUnit.MINUTES.toNanos(5);
    private boolean pollingThread = true;

    private Builder(String serviceName) {
      if (serviceName == null) {
        throw new NullPointerException("serviceName == null");
      }
      if (serviceName.trim().isEmpty()) {
        throw new IllegalArgumentException("serviceName is blank");
      }
      this.serviceName = serviceName;
    }

    /**
     * The sampling endpoint's URL, without the {@code service} parameter, which is added (e.g.
     * {@code http://jaeger-agent:5778/sampling}). The agent answers on any path;
     * jaeger-client-java asked {@code /}, newer clients {@code /sampling}.
     *
     * @throws IllegalArgumentException when it is not an absolute http or https URL with a host
     */
    public Builder endpoint(String endpoint) {
      if (endpoint == null) {
        throw new NullPointerException("endpoint == null");
      }
      HttpStrategySource.checkEndpoint(endpoint.trim());
      this.endpoint = endpoint.trim();
      return this;
    }

    /**
     * The probability that decides until the first answer ({@code JAEGER_SAMPLER_PARAM}).
     *
     * @throws IllegalArgumentException when not between 0.0 and 1.0
     */
    public Builder initialProbability(double probability) {
      if (!(probability >= 0.0 && probability <= 1.0)) {
        throw new IllegalArgumentException(
            "initialProbability must be between 0.0 and 1.0, was " + probability);
      }
      this.initialProbability = probability;
      this.initialSampler = null;
      return this;
    }

    /** The sampler that decides until the first answer, instead of an initial probability. */
    public Builder initialSampler(Sampler sampler) {
      if (sampler == null) {
        throw new NullPointerException("initialSampler == null");
      }
      this.initialSampler = sampler;
      return this;
    }

    /**
     * How often the endpoint is asked, at least 1 ms.
     *
     * @throws IllegalArgumentException when shorter than a millisecond
     */
    public Builder refreshInterval(Duration interval) {
      if (interval == null) {
        throw new NullPointerException("refreshInterval == null");
      }
      if (interval.compareTo(Duration.ofMillis(1)) < 0) {
        throw new IllegalArgumentException("refreshInterval must be at least 1 ms, was " + interval);
      }
      Duration longest = Duration.ofDays(365 * 100L); // keeps the nanoseconds within a long
      this.refreshInterval = interval.compareTo(longest) > 0 ? longest : interval;
      return this;
    }

    /** As {@link #refreshInterval(Duration)}. */
    public Builder refreshInterval(long interval, TimeUnit unit) {
      if (unit == null) {
        throw new NullPointerException("unit == null");
      }
      return refreshInterval(Duration.ofNanos(unit.toNanos(interval)));
    }

    /**
     * How many operations get a sampler of their own (listed or seen), 1 to {@value
     * #MAX_MAX_OPERATIONS}; beyond that, other operations sample at the default probability.
     *
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxOperations(int maxOperations) {
      if (maxOperations < 1 || maxOperations > MAX_MAX_OPERATIONS) {
        throw new IllegalArgumentException("maxOperations must be 1 to " + MAX_MAX_OPERATIONS
            + ", was " + maxOperations);
      }
      this.maxOperations = maxOperations;
      return this;
    }

    /**
     * Bound on connecting, on each blocked read, and on reading the whole body of the answer, 1 ms
     * to 1 minute. A dead or hanging endpoint holds only the sampler's own thread.
     *
     * @throws IllegalArgumentException when out of range
     */
    public Builder timeout(Duration timeout) {
      if (timeout == null) {
        throw new NullPointerException("timeout == null");
      }
      if (timeout.compareTo(Duration.ofMillis(1)) < 0
          || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("timeout must be 1 ms to 1 minute, was " + timeout);
      }
      this.timeoutMillis = (int) timeout.toMillis();
      return this;
    }

    /** As {@link #timeout(Duration)}. */
    public Builder timeout(long timeout, TimeUnit unit) {
      if (unit == null) {
        throw new NullPointerException("unit == null");
      }
      return timeout(Duration.ofNanos(unit.toNanos(timeout)));
    }

    /**
     * Where polls and updates are counted, e.g. the tracer's; default a set of its own, which the
     * tracer's {@code metrics()} includes either way.
     */
    public Builder metrics(SpoorMetrics metrics) {
      if (metrics == null) {
        throw new NullPointerException("metrics == null");
      }
      this.metrics = metrics;
      return this;
    }

    /** The time source of the rate limiters (for tests). */
    Builder nanoClock(TokenBucket.NanoClock clock) {
      this.clock = clock;
      return this;
    }

    /** Whether the first root span starts the polling thread (false: tests poll with pollNow). */
    Builder pollingThread(boolean start) {
      this.pollingThread = start;
      return this;
    }

    /** How often a failed poll may be logged (for tests). */
    Builder warningInterval(long interval, TimeUnit unit) {
      this.warningIntervalNanos = unit.toNanos(interval);
      return this;
    }

    /** Builds the sampler; its thread starts with the first root span. */
    public RemoteSampler build() {
      return new RemoteSampler(this);
    }
  }
}
