package dev.spoor;

import dev.spoor.propagation.CompositeTextMapCodec;
import dev.spoor.propagation.JaegerBinaryCodec;
import dev.spoor.propagation.JaegerCodec;
import dev.spoor.propagation.PropagationProvider;
import dev.spoor.propagation.TextMapCodec;
import io.opentracing.propagation.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Turns propagation format names into codecs: {@code jaeger} built in, others by ServiceLoader. */
final class PropagationResolver {
  static final String JAEGER = "jaeger";
  static final List<Format<?>> TEXT_FORMATS = Collections.unmodifiableList(Arrays.asList(
      Format.Builtin.TEXT_MAP, Format.Builtin.HTTP_HEADERS,
      Format.Builtin.TEXT_MAP_INJECT, Format.Builtin.TEXT_MAP_EXTRACT));
  /** The binary formats, all in Jaeger's binary layout as jaeger-client-java registers it. */
  static final List<Format<?>> BINARY_FORMATS = Collections.unmodifiableList(Arrays.asList(
      Format.Builtin.BINARY, Format.Builtin.BINARY_INJECT, Format.Builtin.BINARY_EXTRACT));

  private PropagationResolver() {}

  /** Throws IllegalArgumentException naming the first unknown format. */
  static void check(List<String> names) {
    Map<String, PropagationProvider> known = providers();
    for (String name : names) {
      String key = name.trim().toLowerCase(Locale.ROOT);
      if (!key.equals(JAEGER) && !known.containsKey(key)) {
        List<String> all = new ArrayList<>(known.keySet());
        all.add(0, JAEGER);
        throw new IllegalArgumentException("unknown propagation format '" + name
            + "'; known formats: " + all
            + " (w3c and b3 need the propagation-http module on the class path)");
      }
    }
  }

  /**
   * A codec for {@code names}; with {@code lenient} (the defaults), formats that are not on the
   * class path are skipped instead of failing.
   */
  static TextMapCodec resolve(List<String> names, boolean lenient) {
    if (!lenient) {
      check(names);
    }
    Map<String, PropagationProvider> known = providers();
    List<TextMapCodec> codecs = new ArrayList<>();
    for (String name : names) {
      String key = name.trim().toLowerCase(Locale.ROOT);
      if (key.equals(JAEGER)) {
        codecs.add(new JaegerCodec());
      } else if (known.containsKey(key)) {
        codecs.add(known.get(key).codec());
      }
    }
    if (codecs.isEmpty()) {
      codecs.add(new JaegerCodec());
    }
    return codecs.size() == 1 ? codecs.get(0) : new CompositeTextMapCodec(codecs);
  }

  /**
   * The names of the formats {@link #resolve} uses for {@code names}, comma-separated as in
   * {@code JAEGER_PROPAGATION}: what a tracer's start line shows.
   */
  static String effectiveNames(List<String> names) {
    Map<String, PropagationProvider> known = providers();
    StringBuilder shown = new StringBuilder();
    for (String name : names) {
      String key = name.trim().toLowerCase(Locale.ROOT);
      if (key.equals(JAEGER) || known.containsKey(key)) {
        shown.append(shown.length() == 0 ? "" : ",").append(key);
      }
    }
    return shown.length() == 0 ? JAEGER : shown.toString();
  }

  /** The codec for {@link #BINARY_FORMATS}: stateless, so one serves every tracer. */
  static final JaegerBinaryCodec BINARY = new JaegerBinaryCodec();

  private static Map<String, PropagationProvider> providers() {
    Map<String, PropagationProvider> result = new TreeMap<>();
    ClassLoader loader = PropagationResolver.class.getClassLoader();
    for (PropagationProvider provider : ServiceLoader.load(PropagationProvider.class, loader)) {
      result.put(provider.name().toLowerCase(Locale.ROOT), provider);
    }
    return result;
  }
}
