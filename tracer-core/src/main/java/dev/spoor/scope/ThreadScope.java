package dev.spoor.scope;

import io.opentracing.Scope;
import io.opentracing.Span;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.slf4j.MDC;

/** One activation of a span on one thread: a node of that thread's scope stack. */
final class ThreadScope implements Scope {
  private static final VarHandle CLOSED;

  static {
    try {
      CLOSED = MethodHandles.lookup().findVarHandle(ThreadScope.class, "closed", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final ThreadLocalScopeManager manager;
  final Span span;
  final ThreadScope previous;
  // Set by close(), possibly from another thread, and read by the owner thread when it unwinds.
  // Release/acquire is enough (nothing orders a later read against it): on x86 a plain store,
  // where a volatile store costs a full fence on every scope close.
  private boolean closed;
  // MDC values before this activation, restored when it is unwound.
  private String savedTraceId;
  private String savedSpanId;
  private String savedSampled;

  ThreadScope(ThreadLocalScopeManager manager, Span span, ThreadScope previous) {
    this.manager = manager;
    this.span = span;
    this.previous = previous;
  }

  void saveMdc(String traceIdKey, String spanIdKey, String sampledKey) {
    savedTraceId = MDC.get(traceIdKey);
    savedSpanId = MDC.get(spanIdKey);
    savedSampled = MDC.get(sampledKey);
  }

  void restoreMdc(String traceIdKey, String spanIdKey, String sampledKey) {
    restore(traceIdKey, savedTraceId);
    restore(spanIdKey, savedSpanId);
    restore(sampledKey, savedSampled);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  boolean isClosed() {
    return (boolean) CLOSED.getAcquire(this);
  }

  void markClosed() {
    CLOSED.setRelease(this, true);
  }

  @Override
  public void close() {
    manager.close(this);
  }
}
