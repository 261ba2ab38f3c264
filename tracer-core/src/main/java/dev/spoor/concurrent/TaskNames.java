package dev.spoor.concurrent;

import dev.spoor.internal.RateLimitedLogger;
import java.util.function.Function;

/** Names per-task spans: the application's function if given, else the task's class. */
final class TaskNames {
  private static final String LAMBDA_MARKER = "$$Lambda";
  private static final ClassValue<String> CLASS_NAMES = new ClassValue<String>() {
    @Override
    protected String computeValue(Class<?> type) {
      return classBasedName(type);
    }
  };

  private final Function<Object, String> custom; // null for the default
  private final RateLimitedLogger warnings;

  TaskNames(Function<Object, String> custom, RateLimitedLogger warnings) {
    this.custom = custom;
    this.warnings = warnings;
  }

  String of(Object task) {
    if (custom != null) {
      try {
        String name = custom.apply(task);
        if (name != null) {
          return name;
        }
        warnings.warn("Operation name function returned null for task {}", task);
      } catch (RuntimeException e) {
        warnings.warn("Operation name function failed for task {}: {}", task, e.toString());
      }
    }
    return CLASS_NAMES.get(task.getClass());
  }

  /**
   * The binary name without its package ({@code Outer$Inner}, {@code Outer$1}); for a lambda the
   * declaring class plus {@code $$Lambda}, without the per-run suffix that would make every
   * process's span names differ. Computed once per class.
   */
  static String classBasedName(Class<?> type) {
    String name = type.getName();
    int lambda = name.indexOf(LAMBDA_MARKER);
    if (lambda >= 0) {
      name = name.substring(0, lambda + LAMBDA_MARKER.length());
    }
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
