package dev.spoor.scope;

import io.opentracing.Scope;
import io.opentracing.ScopeManager;
import io.opentracing.Span;
import io.opentracing.SpanContext;

/**
 * Carries the active span of each thread in a thread-local stack of scopes, and mirrors it into the
 * SLF4J MDC so that every log line written while a span is active names its trace.
 *
 * <p>Closing a scope restores the span (and MDC values) that were active before it. Scopes closed
 * out of order are only marked; they leave the stack when every scope above them is closed, so the
 * stack never points at a span whose scope is gone. A scope closed on another thread is marked
 * too, and its owner thread drops it the next time it looks at its stack: until then that thread's
 * MDC still names the closed span. On a pooled thread, {@link #capture()} before running a task
 * and {@link #restore(ScopeMark)} after it bring the stack and the MDC back to their state before the
 * task (Spoor's {@code TaskTracing} does this), so nothing of one task outlives it there.
 *
 * <p>Named for what it adds to a thread-local stack, the MDC, so that it is never confused with
 * OpenTracing's own {@code io.opentracing.util.ThreadLocalScopeManager} in an import list.
 */
public final class MdcScopeManager implements ScopeManager {
  /** Default MDC key holding the active trace id (lower-case hex). */
  public static final String DEFAULT_TRACE_ID_KEY = "traceId";
  /** Default MDC key holding the active span id (lower-case hex). */
  public static final String DEFAULT_SPAN_ID_KEY = "spanId";
  /** Default MDC key holding {@code true} or {@code false}. */
  public static final String DEFAULT_SAMPLED_KEY = "sampled";

  private final ThreadLocal<ThreadScope> current = new ThreadLocal<>();
  private final String traceIdKey;
  private final String spanIdKey;
  private final String sampledKey;
  private final boolean mdcEnabled;

  /** A scope manager that writes the default MDC keys. */
  public MdcScopeManager() {
    this(DEFAULT_TRACE_ID_KEY, DEFAULT_SPAN_ID_KEY, DEFAULT_SAMPLED_KEY);
  }

  /**
   * A scope manager with custom MDC keys, e.g. {@code traceID}/{@code spanID} for Loki's derived
   * fields.
   */
  public MdcScopeManager(String traceIdKey, String spanIdKey, String sampledKey) {
    this(traceIdKey, spanIdKey, sampledKey, true);
  }

  private MdcScopeManager(
      String traceIdKey, String spanIdKey, String sampledKey, boolean mdcEnabled) {
    if (mdcEnabled) {
      if (traceIdKey == null) {
        throw new NullPointerException("traceIdKey == null");
      }
      if (spanIdKey == null) {
        throw new NullPointerException("spanIdKey == null");
      }
      if (sampledKey == null) {
        throw new NullPointerException("sampledKey == null");
      }
    }
    this.traceIdKey = traceIdKey;
    this.spanIdKey = spanIdKey;
    this.sampledKey = sampledKey;
    // Off without slf4j-api, or when its MDC discards everything (no binding, slf4j-nop).
    this.mdcEnabled = mdcEnabled && Slf4jMdc.AVAILABLE;
  }

  /** A scope manager that does not touch the MDC. */
  public static MdcScopeManager withoutMdc() {
    return new MdcScopeManager(null, null, null, false);
  }

  @Override
  public Scope activate(Span span) {
    ThreadScope previous = topOpenScope();
    ThreadScope scope;
    if (mdcEnabled) {
      MdcThreadScope mdcScope = new MdcThreadScope(this, span, previous);
      mdcScope.saveMdc(traceIdKey, spanIdKey, sampledKey);
      writeMdc(span);
      scope = mdcScope;
    } else {
      scope = new ThreadScope(this, span, previous);
    }
    current.set(scope);
    return scope;
  }

  @Override
  public Span activeSpan() {
    ThreadScope scope = topOpenScope();
    return scope == null ? null : scope.span;
  }

  /**
   * A mark of this thread's scope stack, for integrations that run foreign code on a pooled thread
   * (an executor wrapper, a servlet filter): pass it to {@link #restore} on the same thread once
   * that code returns, to undo any scope it left open. The mark is opaque; null means "no scope was
   * active", and is a valid argument to {@link #restore}.
   */
  public ScopeMark capture() {
    return topOpenScope();
  }

  /**
   * Closes every scope this thread activated since {@link #capture()} returned {@code mark} and
   * left open, and restores the MDC to what it was before the oldest of them: the thread is back
   * to the state of the mark, whatever the code in between forgot to close. Scopes open at the
   * time of the mark are not touched. Call it on the thread that captured {@code mark}.
   *
   * @return how many open scopes were closed (0 when the code in between closed all its scopes)
   * @throws IllegalArgumentException when {@code mark} was not made by this manager's {@link
   *     #capture()}
   */
  public int restore(ScopeMark mark) {
    if (mark != null && ((ThreadScope) mark).manager != this) {
      throw new IllegalArgumentException("mark was not made by this manager's capture(): " + mark);
    }
    ThreadScope top = current.get();
    ThreadScope oldestLeaked = null;
    int leaked = 0;
    while (top != null && !isAtOrBelow(top, (ThreadScope) mark)) {
      if (!top.isClosed()) {
        top.markClosed();
        leaked++;
      }
      oldestLeaked = top;
      top = top.previous;
    }
    if (oldestLeaked != null) {
      unwind(oldestLeaked, top);
    }
    return leaked;
  }

  // True when scope is mark or was below it on the stack, i.e. was open when mark was taken.
  private static boolean isAtOrBelow(ThreadScope scope, ThreadScope mark) {
    for (ThreadScope s = mark; s != null; s = s.previous) {
      if (s == scope) {
        return true;
      }
    }
    return false;
  }

  /** Drops scopes that were closed out of order or from another thread off the top of the stack. */
  private ThreadScope topOpenScope() {
    ThreadScope top = current.get();
    if (top == null || !top.isClosed()) {
      return top;
    }
    ThreadScope oldestClosed = top;
    while (top != null && top.isClosed()) {
      oldestClosed = top;
      top = top.previous;
    }
    unwind(oldestClosed, top);
    return top;
  }

  void close(ThreadScope scope) {
    if (scope.isClosed()) {
      return;
    }
    scope.markClosed();
    if (current.get() != scope) {
      // Out of order, or another thread: only marked; the owner unwinds it later.
      return;
    }
    ThreadScope top = scope.previous;
    ThreadScope oldestClosed = scope;
    while (top != null && top.isClosed()) {
      oldestClosed = top;
      top = top.previous;
    }
    unwind(oldestClosed, top);
  }

  private void unwind(ThreadScope oldestClosed, ThreadScope newTop) {
    if (newTop == null) {
      current.remove();
    } else {
      current.set(newTop);
    }
    if (mdcEnabled) {
      ((MdcThreadScope) oldestClosed).restoreMdc(traceIdKey, spanIdKey, sampledKey);
    }
  }

  private void writeMdc(Span span) {
    SpanContext context = span.context();
    Slf4jMdc.put(traceIdKey, context.toTraceId());
    Slf4jMdc.put(spanIdKey, context.toSpanId());
    Slf4jMdc.put(sampledKey, isSampled(context) ? "true" : "false");
  }

  private static boolean isSampled(SpanContext context) {
    return !(context instanceof dev.spoor.SpoorSpanContext)
        || ((dev.spoor.SpoorSpanContext) context).isSampled();
  }

  @Override
  public String toString() {
    return "MdcScopeManager{mdc=" + (mdcEnabled
        ? traceIdKey + "," + spanIdKey + "," + sampledKey : "off") + "}";
  }
}
