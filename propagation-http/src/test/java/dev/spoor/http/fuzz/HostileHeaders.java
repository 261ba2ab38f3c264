package dev.spoor.http.fuzz;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates what a hostile or broken client sends: the codec's own headers in any letter case,
 * repeated, with values that are valid samples truncated, mutated, duplicated, case-flipped or
 * blown up, or random strings of any characters (controls, CR/LF, non-ASCII, surrogates).
 * Generators stay cheap so that a property can run 100,000 tries in seconds.
 */
final class HostileHeaders {
  /** Characters that matter to the codecs' grammars, for near-miss values. */
  private static final String GRAMMAR = "0123456789abcdefABCDEF-:,;=%. \t\r\nxyzé\u0000\u00ff";

  private HostileHeaders() {}

  /**
   * Header lists built from {@code samples} (alternating header names and valid values): half of
   * them start with the valid lines {@code valid} (names and values alternating), so that the
   * generated lines also hit a parser that has already accepted a context.
   */
  static Arbitrary<List<Map.Entry<String, String>>> from(String[] valid, String... samples) {
    Arbitrary<Map.Entry<String, String>> line = Combinators.combine(
        Arbitraries.integers().between(0, samples.length / 2 - 1),
        Arbitraries.integers().between(0, 7),
        hostileValue(samples),
        Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz-_").ofMaxLength(12))
        .as((index, nameStyle, value, suffix) ->
            new SimpleImmutableEntry<>(name(samples[index * 2], nameStyle, suffix), value));
    return Combinators.combine(Arbitraries.of(true, false), line.list().ofMaxSize(6))
        .as((startValid, lines) -> {
          if (!startValid) {
            return lines;
          }
          List<Map.Entry<String, String>> all = new ArrayList<>(valid.length / 2 + lines.size());
          for (int i = 0; i < valid.length; i += 2) {
            all.add(new SimpleImmutableEntry<>(valid[i], valid[i + 1]));
          }
          all.addAll(lines);
          return all;
        });
  }

  private static String name(String name, int style, String suffix) {
    switch (style) {
      case 0:
        return name.toUpperCase(Locale.ROOT);
      case 1:
        return name.toLowerCase(Locale.ROOT);
      case 2:
        return name + suffix; // a prefix header (uberctx-, baggage-) or a near-miss name
      case 3:
        return suffix;
      default:
        return name;
    }
  }

  private static Arbitrary<String> hostileValue(String[] samples) {
    String[] values = new String[samples.length / 2];
    for (int i = 0; i < values.length; i++) {
      values[i] = samples[i * 2 + 1];
    }
    Arbitrary<String> valid = Arbitraries.of(values);
    Arbitrary<String> mutated = Combinators.combine(valid,
        Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 1 << 16),
        Arbitraries.chars().with(GRAMMAR.toCharArray()))
        .as(HostileHeaders::mutate);
    Arbitrary<String> oversized = Combinators.combine(valid, Arbitraries.integers().between(2, 400))
        .as((value, times) -> String.join(",", java.util.Collections.nCopies(times, value)));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, valid),
        net.jqwik.api.Tuple.of(6, mutated),
        net.jqwik.api.Tuple.of(1, oversized),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars(GRAMMAR).ofMaxLength(80)));
  }

  private static String mutate(String value, int kind, int position, char c) {
    int at = value.isEmpty() ? 0 : position % value.length();
    switch (kind) {
      case 0:
        return value.substring(0, at); // truncated
      case 1:
        return value.substring(0, at) + c + value.substring(at); // a character inserted
      case 2:
        return value.isEmpty() ? value : value.substring(0, at) + c + value.substring(at + 1);
      case 3:
        return value + "," + value; // duplicated, as a repeated header is combined
      case 4:
        return (position & 1) == 0 ? value.toUpperCase(Locale.ROOT) : flipCase(value);
      default:
        return value.substring(at) + value.substring(0, at); // rotated
    }
  }

  private static String flipCase(String value) {
    char[] chars = value.toCharArray();
    for (int i = 0; i < chars.length; i += 2) {
      chars[i] = Character.isUpperCase(chars[i])
          ? Character.toLowerCase(chars[i]) : Character.toUpperCase(chars[i]);
    }
    return new String(chars);
  }
}
