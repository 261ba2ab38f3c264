package dev.spoor.scope;

import io.opentracing.Span;

/**
 * A scope of a manager that mirrors the active span into the MDC: it also keeps the MDC values
 * from before its activation. Managers without MDC use the smaller {@link ThreadScope}.
 */
final class MdcThreadScope extends ThreadScope {
  // MDC values before this activation, restored when it is unwound.
  private String savedTraceId;
  private String savedSpanId;
  private String savedSampled;

  MdcThreadScope(MdcScopeManager manager, Span span, ThreadScope previous) {
    super(manager, span, previous);
  }

  void saveMdc(String traceIdKey, String spanIdKey, String sampledKey) {
    savedTraceId = Slf4jMdc.get(traceIdKey);
    savedSpanId = Slf4jMdc.get(spanIdKey);
    savedSampled = Slf4jMdc.get(sampledKey);
  }

  void restoreMdc(String traceIdKey, String spanIdKey, String sampledKey) {
    restore(traceIdKey, savedTraceId);
    restore(spanIdKey, savedSpanId);
    restore(sampledKey, savedSampled);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      Slf4jMdc.remove(key);
    } else {
      Slf4jMdc.put(key, value);
    }
  }
}
