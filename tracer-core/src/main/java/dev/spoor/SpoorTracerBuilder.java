package dev.spoor;

import dev.spoor.internal.LibraryLogger;
import dev.spoor.metrics.SpoorMetrics;
import dev.spoor.propagation.Extractor;
import dev.spoor.propagation.Injector;
import dev.spoor.propagation.TextMapCodec;
import dev.spoor.reporter.CompositeReporter;
import dev.spoor.reporter.Reporter;
import dev.spoor.sampler.ConstSampler;
import dev.spoor.sampler.Sampler;
import dev.spoor.scope.MdcScopeManager;
import io.opentracing.ScopeManager;
import io.opentracing.propagation.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Configures a {@link SpoorTracer}. Every default is set here, in one place:
 *
 * <ul>
 *   <li>sampler: {@code new ConstSampler(true)} (record every trace)
 *   <li>reporter: {@link Reporter#NOOP} until one is set
 *   <li>clock: {@link Clock#SYSTEM}
 *   <li>128-bit trace ids: true
 *   <li>scope manager: {@link MdcScopeManager} with MDC keys traceId, spanId, sampled
 *   <li>limits: {@link Limits#DEFAULT}
 *   <li>propagation for TEXT_MAP and HTTP_HEADERS: {@code jaeger,w3c} (w3c only when the
 *       propagation-http module is on the class path); for BINARY, BINARY_INJECT and
 *       BINARY_EXTRACT: Jaeger's binary layout ({@link dev.spoor.propagation.JaegerBinaryCodec})
 *   <li>incoming sampling decisions and baggage: trusted
 *   <li>close on JVM shutdown: true (spans queued when the JVM exits are sent, as
 *       jaeger-client-java's tracers do unless built {@code withManualShutdown()})
 * </ul>
 *
 * <p>{@link SpoorTracer#builderFromEnv()} gives a builder with these settings already taken from
 * the {@code JAEGER_*} and {@code OTEL_*} variables; anything set on it afterwards wins.
 */
public final class SpoorTracerBuilder {
  private static final LibraryLogger LOG = LibraryLogger.of(SpoorTracerBuilder.class);
  private final String serviceName;
  private final Map<String, Object> tags = new LinkedHashMap<>();
  Sampler sampler = new ConstSampler(true);
  Reporter reporter = Reporter.NOOP;
  // builderFromEnv()'s reporter, made at build() unless reporter(...) replaced it, so that a
  // replaced reporter never starts a thread.
  private Supplier<Reporter> deferredReporter;
  private final List<Reporter> addedReporters = new ArrayList<>();
  Clock clock = Clock.SYSTEM;
  IdGenerator idGenerator = IdGenerator.THREAD_LOCAL_RANDOM;
  boolean traceId128Bit = true;
  ScopeManager scopeManager;
  Limits limits = Limits.DEFAULT;
  SpoorMetrics metrics;
  boolean ignoreIncomingSampling;
  boolean ignoreIncomingBaggage;
  boolean disabled;
  boolean closeOnShutdown = true;
  // Set by builderFromEnv(): build() logs the tracer's effective settings in one line.
  boolean logStartLine;
  private List<String> propagation;
  private boolean propagationDefaulted = true;
  private final Map<Format<?>, Injector<?>> injectors = new IdentityHashMap<>();
  private final Map<Format<?>, Extractor<?>> extractors = new IdentityHashMap<>();

  SpoorTracerBuilder(String serviceName) {
    if (serviceName == null) {
      throw new NullPointerException("serviceName == null");
    }
    if (serviceName.trim().isEmpty()) {
      throw new IllegalArgumentException("serviceName is blank");
    }
    this.serviceName = serviceName;
    this.propagation = Arrays.asList(PropagationResolver.JAEGER, "w3c");
  }

  /** Decides which new traces are recorded. */
  public SpoorTracerBuilder sampler(Sampler sampler) {
    this.sampler = requireNonNull(sampler, "sampler");
    return this;
  }

  /**
   * Receives finished, sampled spans; closed by the tracer's {@code close()}. Replaces the reporter
   * set before, including the one {@link SpoorTracer#builderFromEnv()} chose; see {@link
   * #addReporter} to keep it.
   */
  public SpoorTracerBuilder reporter(Reporter reporter) {
    this.reporter = requireNonNull(reporter, "reporter");
    this.deferredReporter = null;
    return this;
  }

  /**
   * Also hands every span to {@code reporter}, after the one set with {@link #reporter} or chosen
   * by {@link SpoorTracer#builderFromEnv()} (e.g. an {@code InMemoryReporter} in a test, a
   * {@code LoggingReporter}); the tracer gets a {@code CompositeReporter} of them, in order, and
   * its {@code metrics()} shows every one's counters.
   */
  public SpoorTracerBuilder addReporter(Reporter reporter) {
    addedReporters.add(requireNonNull(reporter, "reporter"));
    return this;
  }

  /** Used by builderFromEnv(): the reporter is made at build(), unless replaced before. */
  SpoorTracerBuilder deferredReporter(Supplier<Reporter> reporter) {
    this.deferredReporter = reporter;
    this.reporter = Reporter.NOOP;
    return this;
  }

  /** The reporter a tracer built now gets. */
  private Reporter resolvedReporter() {
    Reporter base = deferredReporter != null ? deferredReporter.get() : reporter;
    if (addedReporters.isEmpty()) {
      return base;
    }
    List<Reporter> all = new ArrayList<>();
    if (base != Reporter.NOOP) {
      all.add(base);
    }
    all.addAll(addedReporters);
    return all.size() == 1 ? all.get(0) : new CompositeReporter(all.toArray(new Reporter[0]));
  }

  /** Source of timestamps and durations. */
  public SpoorTracerBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /** Source of trace and span ids; package-private, for tests that need chosen ids. */
  SpoorTracerBuilder idGenerator(IdGenerator idGenerator) {
    this.idGenerator = requireNonNull(idGenerator, "idGenerator");
    return this;
  }

  /** Adds a process tag sent with every batch (e.g. {@code datacenter}, {@code env}). */
  public SpoorTracerBuilder withTag(String key, String value) {
    return putTag(key, value);
  }

  /** Adds a numeric process tag. */
  public SpoorTracerBuilder withTag(String key, Number value) {
    return putTag(key, value);
  }

  /** Adds a boolean process tag. */
  public SpoorTracerBuilder withTag(String key, boolean value) {
    return putTag(key, value);
  }

  /**
   * Adds every entry of {@code processTags} as a process tag.
   *
   * @throws IllegalArgumentException for a value that is not a String, Number or Boolean
   */
  public SpoorTracerBuilder withTags(Map<String, ?> processTags) {
    for (Map.Entry<String, ?> tag : requireNonNull(processTags, "processTags").entrySet()) {
      Object value = tag.getValue();
      if (value != null && !(value instanceof String || value instanceof Number
          || value instanceof Boolean)) {
        throw new IllegalArgumentException("tag " + tag.getKey() + " has a value of type "
            + value.getClass().getName() + "; expected String, Number or Boolean");
      }
      putTag(tag.getKey(), value);
    }
    return this;
  }

  private SpoorTracerBuilder putTag(String key, Object value) {
    requireNonNull(key, "key");
    tags.put(key, requireNonNull(value, "value of tag " + key));
    return this;
  }

  /** True (default) for 128-bit trace ids, false for 64-bit. */
  public SpoorTracerBuilder traceId128Bit(boolean enabled) {
    this.traceId128Bit = enabled;
    return this;
  }

  /** Carries the active span within the process. */
  public SpoorTracerBuilder scopeManager(ScopeManager scopeManager) {
    this.scopeManager = requireNonNull(scopeManager, "scopeManager");
    return this;
  }

  /** Bounds on tags, logs and baggage per span. */
  public SpoorTracerBuilder limits(Limits limits) {
    this.limits = requireNonNull(limits, "limits");
    return this;
  }

  /**
   * Counters to use, e.g. shared with other tracers; default: the reporter's own set when it has
   * exactly one ({@link Reporter#counters()}), else a new set. Either way the tracer's {@code
   * metrics()} also shows the counters of its reporter.
   */
  public SpoorTracerBuilder metrics(SpoorMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics");
    return this;
  }

  /**
   * The propagation formats for TEXT_MAP and HTTP_HEADERS, by name ({@code jaeger}, {@code w3c},
   * {@code b3}, {@code b3-single}, ...): inject writes all, extract takes the first valid.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public SpoorTracerBuilder propagation(String... formats) {
    if (requireNonNull(formats, "formats").length == 0) {
      throw new IllegalArgumentException("propagation formats are empty");
    }
    List<String> names = new ArrayList<>();
    for (String format : formats) {
      names.add(requireNonNull(format, "format"));
    }
    PropagationResolver.check(names);
    this.propagation = names;
    this.propagationDefaulted = false;
    return this;
  }

  /** Registers an injector for {@code format}, replacing the propagation formats for it. */
  public <C> SpoorTracerBuilder registerInjector(Format<C> format, Injector<? super C> injector) {
    injectors.put(requireNonNull(format, "format"), requireNonNull(injector, "injector"));
    return this;
  }

  /**
   * Registers an extractor for {@code format}, replacing the propagation formats for it. The
   * extractor may accept any supertype of the format's carrier (e.g. a {@code TextMapCodec} for
   * {@code TEXT_MAP}).
   */
  public <C> SpoorTracerBuilder registerExtractor(
      Format<C> format, Extractor<? super C> extractor) {
    extractors.put(requireNonNull(format, "format"), requireNonNull(extractor, "extractor"));
    return this;
  }

  /**
   * For services at an untrusted edge: ignore the sampled and debug flags (and Jaeger debug ids)
   * of incoming contexts and let the local sampler decide, so clients cannot force tracing.
   */
  public SpoorTracerBuilder ignoreIncomingSamplingDecisions(boolean ignore) {
    this.ignoreIncomingSampling = ignore;
    return this;
  }

  /** For services at an untrusted edge: drop all incoming baggage (counted as dropped). */
  public SpoorTracerBuilder ignoreIncomingBaggage(boolean ignore) {
    this.ignoreIncomingBaggage = ignore;
    return this;
  }

  /**
   * A disabled tracer ({@code JAEGER_DISABLED=true}) records and reports nothing: every span is an
   * unsampled handle, but ids still propagate so that downstream services keep one trace.
   */
  public SpoorTracerBuilder disabled(boolean disabled) {
    this.disabled = disabled;
    return this;
  }

  /**
   * True (the default) to close the tracer from a JVM shutdown hook, so that spans finished before
   * the JVM exits are sent even when the application never calls {@code close()}, as
   * jaeger-client-java's {@code JaegerTracer} does unless built {@code withManualShutdown()}.
   * False for tracers whose owner closes them (a container, a test), so that no hook keeps an
   * unclosed tracer reachable. No hook is registered for a disabled tracer or one without a
   * reporter ({@link Reporter#NOOP}): they have nothing to send. An explicit {@code close()}
   * removes the hook; closing twice is harmless.
   */
  public SpoorTracerBuilder closeOnShutdown(boolean closeOnShutdown) {
    this.closeOnShutdown = closeOnShutdown;
    return this;
  }

  /**
   * Builds a tracer. Each call gets its own default scope manager and counters, so two tracers
   * built from one builder share only what was set explicitly.
   */
  public SpoorTracer build() {
    SpoorTracerBuilder settings = new SpoorTracerBuilder(this);
    if (settings.reporter == Reporter.NOOP && !disabled) {
      LOG.info("Tracer for {} has no reporter: spans are recorded but sent nowhere "
          + "(set one with reporter(...), e.g. RemoteReporter.builder().build())", serviceName);
    }
    SpoorTracer tracer = new SpoorTracer(settings);
    if (logStartLine) {
      LOG.info("{}", tracer.startLine());
    }
    return tracer;
  }

  /** A copy of {@code settings} with the defaults that must be new per tracer filled in. */
  private SpoorTracerBuilder(SpoorTracerBuilder settings) {
    this.serviceName = settings.serviceName;
    this.tags.putAll(settings.tags);
    this.sampler = settings.sampler;
    this.reporter = settings.resolvedReporter();
    this.clock = settings.clock;
    this.idGenerator = settings.idGenerator;
    this.traceId128Bit = settings.traceId128Bit;
    this.scopeManager = settings.scopeManager != null
        ? settings.scopeManager : new MdcScopeManager();
    this.limits = settings.limits;
    // The reporter's counters (sent, dropped) and the sampler's (polls) belong in tracer.metrics()
    // (see ReporterMetrics).
    this.metrics = ReporterMetrics.forTracer(settings.metrics, reporter, sampler);
    this.ignoreIncomingSampling = settings.ignoreIncomingSampling;
    this.ignoreIncomingBaggage = settings.ignoreIncomingBaggage;
    this.disabled = settings.disabled;
    this.closeOnShutdown = settings.closeOnShutdown;
    this.logStartLine = settings.logStartLine;
    this.propagation = settings.propagation;
    this.propagationDefaulted = settings.propagationDefaulted;
    this.injectors.putAll(settings.injectors);
    this.extractors.putAll(settings.extractors);
  }

  SpoorProcess process() {
    Map<String, Object> all = new LinkedHashMap<>(ProcessTags.defaults());
    all.putAll(tags);
    return new SpoorProcess(serviceName, all);
  }

  /** The propagation formats in use for text carriers, e.g. {@code jaeger,w3c}. */
  String propagationNames() {
    if (!injectors.isEmpty() || !extractors.isEmpty()) {
      return PropagationResolver.effectiveNames(propagation) + " (and registered codecs)";
    }
    return PropagationResolver.effectiveNames(propagation);
  }

  Map<Format<?>, Injector<?>> injectors() {
    Map<Format<?>, Injector<?>> result = new IdentityHashMap<>();
    TextMapCodec codec = PropagationResolver.resolve(propagation, propagationDefaulted);
    for (Format<?> format : PropagationResolver.TEXT_FORMATS) {
      result.put(format, codec);
    }
    for (Format<?> format : PropagationResolver.BINARY_FORMATS) {
      result.put(format, PropagationResolver.BINARY);
    }
    result.putAll(injectors);
    return Collections.unmodifiableMap(result);
  }

  Map<Format<?>, Extractor<?>> extractors() {
    Map<Format<?>, Extractor<?>> result = new IdentityHashMap<>();
    TextMapCodec codec = PropagationResolver.resolve(propagation, propagationDefaulted);
    for (Format<?> format : PropagationResolver.TEXT_FORMATS) {
      result.put(format, codec);
    }
    for (Format<?> format : PropagationResolver.BINARY_FORMATS) {
      result.put(format, PropagationResolver.BINARY);
    }
    result.putAll(extractors);
    return Collections.unmodifiableMap(result);
  }

  private static <T> T requireNonNull(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    return value;
  }
}
