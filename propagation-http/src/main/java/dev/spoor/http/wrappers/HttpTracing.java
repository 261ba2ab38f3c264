package dev.spoor.http.wrappers;

import io.opentracing.Tracer;

/**
 * How the HTTP wrappers trace: the tracer, how spans are named, the application's extra tags, and
 * which client statuses count as errors. Immutable; build one per tracer and share it between
 * wrappers. Every default is set in {@link Builder}.
 */
public final class HttpTracing {
  private final Tracer tracer;
  private final OperationNamer serverOperationNamer;
  private final OperationNamer clientOperationNamer;
  private final HttpSpanDecorator serverDecorator;
  private final HttpSpanDecorator clientDecorator;
  private final int clientErrorStatus;
  private final InstrumentationFailures failures;

  private HttpTracing(Builder builder) {
    this.tracer = builder.tracer;
    this.serverOperationNamer = builder.serverOperationNamer;
    this.clientOperationNamer = builder.clientOperationNamer;
    this.serverDecorator = builder.serverDecorator;
    this.clientDecorator = builder.clientDecorator;
    this.clientErrorStatus = builder.clientErrorStatus;
    this.failures = new InstrumentationFailures(tracer);
  }

  /**
   * Tracing through {@code tracer} with every default.
   *
   * @throws NullPointerException when {@code tracer} is null
   */
  public static HttpTracing create(Tracer tracer) {
    return builder(tracer).build();
  }

  /**
   * A builder for tracing through {@code tracer}.
   *
   * @throws NullPointerException when {@code tracer} is null
   */
  public static Builder builder(Tracer tracer) {
    return new Builder(tracer);
  }

  /** The tracer that starts, injects and extracts the spans. */
  public Tracer tracer() {
    return tracer;
  }

  /** Names server spans. */
  public OperationNamer serverOperationNamer() {
    return serverOperationNamer;
  }

  /** Names client spans. */
  public OperationNamer clientOperationNamer() {
    return clientOperationNamer;
  }

  /** Adds the application's tags to server spans. */
  public HttpSpanDecorator serverDecorator() {
    return serverDecorator;
  }

  /** Adds the application's tags to client spans. */
  public HttpSpanDecorator clientDecorator() {
    return clientDecorator;
  }

  /** The lowest response status that marks a client span as an error. */
  public int clientErrorStatus() {
    return clientErrorStatus;
  }

  /**
   * How many failures inside the wrappers (not the application's own) were caught so far. With a
   * {@code SpoorTracer} they are also counted in its metrics as {@code spoor.instrumentation.errors}.
   */
  public long instrumentationErrors() {
    return failures.count();
  }

  InstrumentationFailures failures() {
    return failures;
  }

  @Override
  public String toString() {
    return "HttpTracing{tracer=" + tracer + ", serverOperationNamer=" + serverOperationNamer
        + ", clientOperationNamer=" + clientOperationNamer + ", clientErrorStatus="
        + clientErrorStatus + "}";
  }

  /** Collects the settings of an {@link HttpTracing}; the field initialisers are the defaults. */
  public static final class Builder {
    private final Tracer tracer;
    /** Default: the method and the matched route, e.g. {@code GET /orders}: few distinct names. */
    private OperationNamer serverOperationNamer = OperationNamer.METHOD_AND_ROUTE;
    /** Default: the method alone, since a client knows the path (with its ids) but no route. */
    private OperationNamer clientOperationNamer = OperationNamer.METHOD;
    private HttpSpanDecorator serverDecorator = HttpSpanDecorator.NONE;
    private HttpSpanDecorator clientDecorator = HttpSpanDecorator.NONE;
    /** Default: 5xx only. A 4xx is an answer the caller may expect (a 404 from a lookup). */
    private int clientErrorStatus = 500;

    private Builder(Tracer tracer) {
      this.tracer = Arguments.checkNotNull(tracer, "tracer");
    }

    /** Names server spans; default {@link OperationNamer#METHOD_AND_ROUTE}. */
    public Builder serverOperationNamer(OperationNamer namer) {
      this.serverOperationNamer = Arguments.checkNotNull(namer, "serverOperationNamer");
      return this;
    }

    /** Names client spans; default {@link OperationNamer#METHOD}. */
    public Builder clientOperationNamer(OperationNamer namer) {
      this.clientOperationNamer = Arguments.checkNotNull(namer, "clientOperationNamer");
      return this;
    }

    /** Adds the application's tags to server spans; default {@link HttpSpanDecorator#NONE}. */
    public Builder serverDecorator(HttpSpanDecorator decorator) {
      this.serverDecorator = Arguments.checkNotNull(decorator, "serverDecorator");
      return this;
    }

    /** Adds the application's tags to client spans; default {@link HttpSpanDecorator#NONE}. */
    public Builder clientDecorator(HttpSpanDecorator decorator) {
      this.clientDecorator = Arguments.checkNotNull(decorator, "clientDecorator");
      return this;
    }

    /**
     * The lowest response status that marks a client span as an error; default 500. Use 400 to
     * treat 4xx answers as client errors too. (Server spans are errors from 500 on, always.)
     *
     * @throws IllegalArgumentException when {@code status} is not between 100 and 600
     */
    public Builder clientErrorStatus(int status) {
      if (status < 100 || status > 600) {
        throw new IllegalArgumentException("clientErrorStatus must be in [100, 600]: " + status);
      }
      this.clientErrorStatus = status;
      return this;
    }

    /** The configuration. */
    public HttpTracing build() {
      return new HttpTracing(this);
    }
  }
}
