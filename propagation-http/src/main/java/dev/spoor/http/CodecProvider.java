package dev.spoor.http;

import dev.spoor.propagation.PropagationProvider;
import dev.spoor.propagation.TextMapCodec;
import java.util.function.Supplier;

/** A {@link PropagationProvider} that is a name and a way to make the codec. */
abstract class CodecProvider implements PropagationProvider {
  private final String name;
  private final Supplier<TextMapCodec> codecs;

  CodecProvider(String name, Supplier<TextMapCodec> codecs) {
    this.name = name;
    this.codecs = codecs;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final TextMapCodec codec() {
    return codecs.get();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + name + "}";
  }
}
