package dev.spoor;

import dev.spoor.internal.LibraryLogger;
import dev.spoor.internal.MetricsWriter;
import dev.spoor.internal.RateLimitedLogger;
import dev.spoor.metrics.Metric;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.propagation.Extractor;
import dev.spoor.propagation.Injector;
import dev.spoor.propagation.MalformedContextException;
import dev.spoor.reporter.Reporter;
import dev.spoor.sampler.Sampler;
import io.opentracing.Scope;
import io.opentracing.ScopeManager;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.propagation.Format;
import io.opentracing.util.GlobalTracer;
import java.io.Closeable;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Spoor's OpenTracing tracer. Build one per service with {@link #builder(String)}, or configure it
 * from jaeger-client-java's {@code JAEGER_*} environment variables with {@link #fromEnv()}.
 *
 * <p>Starting and finishing spans takes no global lock and does no I/O: finished, sampled spans go
 * to the {@link Reporter}, which sends them from its own thread. Unsampled spans record nothing.
 * Nothing a tracer does throws into the application: bad incoming headers start a new trace, and
 * every dropped span, tag or log is counted in {@link #metrics()}.
 *
 * <p>{@link #close()} flushes and closes the reporter; afterwards the tracer is a no-op.
 */
public final class SpoorTracer implements Tracer, Closeable {
  private static final LibraryLogger LOG = LibraryLogger.of(SpoorTracer.class);
  private static SpoorTracer registeredGlobal; // guarded by SpoorTracer.class

  private final SpoorProcess process;
  private final Sampler sampler;
  private final Reporter reporter;
  private final Clock clock;
  private final IdGenerator idGenerator;
  private final ScopeManager scopeManager;
  private final Limits limits;
  private final SpoorMetrics metrics;
  // The writing half of metrics, for this tracer and its spans (tracer.metrics() only reads).
  final MetricsWriter counters;
  private final boolean traceId128Bit;
  private final IncomingContextPolicy incomingPolicy;
  private final Map<Format<?>, Injector<?>> injectors;
  private final Map<Format<?>, Extractor<?>> extractors;
  private final RateLimitedLogger propagationWarnings =
      new RateLimitedLogger(LOG, 10, TimeUnit.SECONDS);
  private final RateLimitedLogger reporterWarnings =
      new RateLimitedLogger(LOG, 10, TimeUnit.SECONDS);
  private final boolean disabled;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final Thread shutdownHook; // null unless closeOnShutdown
  private final String propagationNames;
  private volatile boolean closed;

  SpoorTracer(SpoorTracerBuilder builder) {
    this.process = builder.process();
    this.sampler = builder.sampler;
    this.reporter = builder.reporter;
    this.clock = builder.clock;
    this.idGenerator = builder.idGenerator;
    this.scopeManager = builder.scopeManager;
    this.limits = builder.limits;
    this.metrics = builder.metrics;
    this.counters = MetricsWriter.of(builder.metrics);
    this.traceId128Bit = builder.traceId128Bit;
    this.incomingPolicy = new IncomingContextPolicy(builder.ignoreIncomingSampling,
        builder.ignoreIncomingBaggage, builder.limits, counters);
    this.injectors = builder.injectors();
    this.extractors = builder.extractors();
    this.disabled = builder.disabled;
    this.propagationNames = builder.propagationNames();
    // A disabled tracer, or one without a reporter, has nothing to flush: no hook keeps it.
    this.shutdownHook = builder.closeOnShutdown && !builder.disabled
        && builder.reporter != Reporter.NOOP ? registerShutdownHook() : null;
  }

  private Thread registerShutdownHook() {
    Thread hook = new Thread(this::close, "spoor-shutdown");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      return hook;
    } catch (IllegalStateException | SecurityException e) {
      LOG.warn("Cannot close {} on JVM shutdown: {}", process.serviceName(), e.toString());
      return null;
    }
  }

  /**
   * A builder for a tracer of {@code serviceName}, with defaults: const sampler (sample all),
   * 128-bit trace ids, a thread-local scope manager writing the MDC, Jaeger and (when
   * propagation-http is on the class path) W3C propagation, {@link Limits#DEFAULT}.
   *
   * @throws IllegalArgumentException when {@code serviceName} is null or blank
   */
  public static SpoorTracerBuilder builder(String serviceName) {
    return new SpoorTracerBuilder(serviceName);
  }

  /**
   * A tracer configured from jaeger-client-java's environment variables ({@code JAEGER_SERVICE_NAME},
   * {@code JAEGER_SAMPLER_TYPE}, ...); a Java system property of the same name wins over the
   * environment variable. See the README's configuration table.
   *
   * @throws IllegalArgumentException naming the variable and its value when a value is invalid
   */
  public static SpoorTracer fromEnv() {
    return builderFromEnv().build();
  }

  /**
   * A builder preloaded from the same variables as {@link #fromEnv()}, for what the environment
   * cannot say: other MDC keys ({@code scopeManager}), another or an extra reporter, a clock,
   * registered codecs. Whatever is set on it wins over the variables; the variables are read and
   * checked here, once. {@code build()} logs the tracer's effective settings in one line, as
   * {@code fromEnv()} does.
   *
   * <pre>{@code
   * SpoorTracer tracer = SpoorTracer.builderFromEnv()
   *     .scopeManager(new MdcScopeManager("traceID", "spanID", "sampled"))
   *     .build();
   * }</pre>
   *
   * <p>A reporter set with {@code reporter(...)} replaces the one the variables chose (which is
   * then never started); {@code addReporter(...)} keeps it and adds another.
   *
   * @throws IllegalArgumentException naming the variable and its value when a value is invalid
   */
  public static SpoorTracerBuilder builderFromEnv() {
    return EnvConfiguration.fromSystem().builder();
  }

  /**
   * As {@link #builderFromEnv()}, for a service that names itself in code: {@code serviceName}
   * wins over {@code JAEGER_SERVICE_NAME} and {@code OTEL_SERVICE_NAME}, as in jaeger-client-java's
   * {@code Configuration.fromEnv(serviceName)}.
   *
   * @throws IllegalArgumentException when {@code serviceName} is blank, or naming the variable
   *     and its value when a value is invalid
   * @throws NullPointerException when {@code serviceName} is null
   */
  public static SpoorTracerBuilder builderFromEnv(String serviceName) {
    if (serviceName == null) {
      throw new NullPointerException("serviceName == null");
    }
    if (serviceName.trim().isEmpty()) {
      throw new IllegalArgumentException("serviceName is blank");
    }
    return EnvConfiguration.fromSystem().builder(serviceName);
  }

  /** This tracer's service name and process tags. */
  public SpoorProcess process() {
    return process;
  }

  /** This tracer's counters: started, sampled, reported, dropped spans and more. */
  public SpoorMetrics metrics() {
    return metrics;
  }

  /** The sampler deciding for new traces; for the span builder. */
  Sampler sampler() {
    return sampler;
  }

  /** The reporter receiving finished, sampled spans. */
  public Reporter reporter() {
    return reporter;
  }

  /** The limits on tags, logs and baggage; for the span builder and spans. */
  Limits limits() {
    return limits;
  }

  /** The clock used for timestamps and durations; for the span builder. */
  Clock clock() {
    return clock;
  }

  /** The source of new trace and span ids; for the span builder. */
  IdGenerator idGenerator() {
    return idGenerator;
  }

  /** True when new traces get 128-bit ids; for the span builder. */
  boolean traceId128Bit() {
    return traceId128Bit;
  }

  /** True once {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** True when this tracer records nothing: it was built disabled or has been closed. */
  public boolean isNoop() {
    return disabled || closed;
  }

  /**
   * Registers this tracer as the OpenTracing {@link GlobalTracer} unless one is already registered.
   *
   * @return true if this tracer is now the global tracer
   */
  public boolean registerGlobal() {
    // GlobalTracer.get() returns GlobalTracer's own wrapper, never the registered tracer, so
    // remember which tracer this class registered.
    synchronized (SpoorTracer.class) {
      if (GlobalTracer.registerIfAbsent(this)) {
        registeredGlobal = this;
      }
      return registeredGlobal == this && GlobalTracer.isRegistered();
    }
  }

  @Override
  public ScopeManager scopeManager() {
    return scopeManager;
  }

  @Override
  public Span activeSpan() {
    return scopeManager.activeSpan();
  }

  @Override
  public Scope activateSpan(Span span) {
    return scopeManager.activate(span);
  }

  @Override
  public SpanBuilder buildSpan(String operationName) {
    return new SpoorSpanBuilder(this, operationName);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <C> void inject(SpanContext spanContext, Format<C> format, C carrier) {
    if (carrier == null) {
      return;
    }
    if (!(spanContext instanceof SpoorSpanContext)) {
      counters.increment(Metric.INJECT_ERRORS);
      propagationWarnings.warn("Cannot inject {}: not a context of a Spoor tracer", spanContext);
      return;
    }
    Injector<C> injector = (Injector<C>) injectors.get(format);
    if (injector == null) {
      propagationWarnings.warn("No injector registered for format {}", format);
      counters.increment(Metric.INJECT_ERRORS);
      return;
    }
    try {
      injector.inject((SpoorSpanContext) spanContext, carrier);
    } catch (RuntimeException e) {
      counters.increment(Metric.INJECT_ERRORS);
      propagationWarnings.warn("Injecting into {} failed", format, e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <C> SpanContext extract(Format<C> format, C carrier) {
    if (carrier == null) {
      return null;
    }
    Extractor<C> extractor = (Extractor<C>) extractors.get(format);
    if (extractor == null) {
      propagationWarnings.warn("No extractor registered for format {}", format);
      counters.increment(Metric.EXTRACT_ERRORS);
      return null;
    }
    SpoorSpanContext context;
    try {
      context = extractor.extract(carrier);
    } catch (MalformedContextException e) {
      counters.increment(Metric.EXTRACT_ERRORS);
      propagationWarnings.warn("Ignoring malformed incoming trace context: {}", e.getMessage());
      return null;
    } catch (RuntimeException e) {
      counters.increment(Metric.EXTRACT_ERRORS);
      propagationWarnings.warn("Extracting from {} failed", format, e);
      return null;
    }
    return context == null ? null : incomingPolicy.apply(context);
  }

  void spanFinished(SpoorSpan span) {
    try {
      reporter.report(span);
    } catch (RuntimeException e) {
      counters.increment(Metric.SPANS_DROPPED_REPORTER_FAILED); // also counts as finished
      reporterWarnings.warn("Reporter {} failed, span dropped", reporter, e);
      return;
    }
    counters.increment(Metric.SPANS_REPORTED); // also counts as finished, see Metric
  }

  /**
   * Flushes and closes the reporter and the sampler, and removes the shutdown hook if
   * {@link SpoorTracerBuilder#closeOnShutdown} added one. Idempotent and safe to call from several
   * threads at once; the tracer is a no-op after.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return; // closed already, perhaps by the shutdown hook racing an explicit close
    }
    closed = true;
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down already; the hook will find the tracer closed.
      }
    }
    try {
      reporter.close();
    } catch (RuntimeException e) {
      LOG.warn("Closing reporter {} failed", reporter, e);
    }
    sampler.close();
  }

  /**
   * The one line {@code fromEnv()} logs at start: the effective settings, never a credential
   * (senders show an authorization's kind and header names only, endpoints without user info).
   */
  String startLine() {
    return "Initialized tracer=SpoorTracer{service=" + process.serviceName()
        + (disabled ? ", disabled (records and sends nothing)" : "")
        + ", sampler=" + sampler
        + ", reporter=" + reporter
        + ", propagation=" + propagationNames
        + ", traceId128Bit=" + traceId128Bit
        + ", closeOnShutdown=" + (shutdownHook != null) + "}";
  }

  @Override
  public String toString() {
    return "SpoorTracer{service=" + process.serviceName() + ", sampler=" + sampler
        + ", reporter=" + reporter + "}";
  }
}
