package dev.spoor.benchmarks;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Param;

/** Reads a JMH state's {@code @Param} values, so tests cover exactly the cases a run measures. */
public final class ParamValues {
  private ParamValues() {}

  /** The values of the {@code @Param} field {@code name} of {@code state}. */
  public static List<String> of(Class<?> state, String name) {
    try {
      Field field = state.getField(name);
      return Arrays.asList(field.getAnnotation(Param.class).value());
    } catch (NoSuchFieldException e) {
      throw new AssertionError(state.getSimpleName() + " has no @Param " + name, e);
    }
  }
}
