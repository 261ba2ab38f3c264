package dev.spoor.scope;

import io.opentracing.Scope;
import io.opentracing.Span;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One activation of a span on one thread: a node of that thread's scope stack. A manager that
 * mirrors the MDC uses {@link MdcThreadScope}, which also keeps the MDC values to restore.
 */
class ThreadScope extends ScopeMark implements Scope {
  private static final VarHandle CLOSED;

  static {
    try {
      CLOSED = MethodHandles.lookup().findVarHandle(ThreadScope.class, "closed", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final MdcScopeManager manager;
  final Span span;
  final ThreadScope previous;
  // Set by close(), possibly from another thread, and read by the owner thread when it unwinds.
  // Release/acquire is enough (nothing orders a later read against it): on x86 a plain store,
  // where a volatile store costs a full fence on every scope close.
  private boolean closed;

  ThreadScope(MdcScopeManager manager, Span span, ThreadScope previous) {
    this.manager = manager;
    this.span = span;
    this.previous = previous;
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
